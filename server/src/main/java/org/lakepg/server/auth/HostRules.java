package org.lakepg.server.auth;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lakepg.wire.protocol.AuthMethod;
import org.lakepg.wire.protocol.AuthenticationPolicy;
import org.lakepg.wire.protocol.StoredCredential;

/**
 * pg_hba.conf in one line: {@code where=method} rules, first match wins, e.g.
 * {@code loopback=trust,10.0.0.0/8=md5,all=scram-sha-256}. Where: {@code loopback}, {@code all},
 * an address or an address/prefix. Method: trust, password, md5, scram-sha-256, reject.
 * No matching rule means reject, as in PostgreSQL.
 */
public final class HostRules implements AuthenticationPolicy {

    private record Rule(String where, byte[] network, int prefix, AuthMethod method) {}

    private final List<Rule> rules;
    private final Roles roles;

    public HostRules(String text, Roles roles) {
        this.rules = parse(text);
        this.roles = roles;
    }

    static List<Rule> parse(String text) {
        List<Rule> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("auth rule needs where=method: " + item);
            }
            String where = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            AuthMethod method = switch (item.substring(eq + 1).trim().toLowerCase(Locale.ROOT)) {
                case "trust" -> AuthMethod.TRUST;
                case "password" -> AuthMethod.PASSWORD;
                case "md5" -> AuthMethod.MD5;
                case "scram-sha-256" -> AuthMethod.SCRAM_SHA_256;
                case "reject" -> AuthMethod.REJECT;
                default -> throw new IllegalArgumentException("unknown auth method in rule: " + item);
            };
            if (where.equals("loopback") || where.equals("all")) {
                out.add(new Rule(where, null, 0, method));
            } else {
                String address = where;
                int prefix = -1;
                int slash = where.indexOf('/');
                if (slash > 0) {
                    address = where.substring(0, slash);
                    prefix = Integer.parseInt(where.substring(slash + 1));
                }
                byte[] network;
                try {
                    network = InetAddress.getByName(address).getAddress();
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalArgumentException("bad address in auth rule: " + item);
                }
                out.add(new Rule(where, network, prefix < 0 ? network.length * 8 : prefix, method));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public AuthMethod methodFor(InetSocketAddress remote, String user, String database) {
        InetAddress address = remote.getAddress();
        for (Rule r : rules) {
            if (r.where().equals("all")
                    || r.where().equals("loopback") && address != null && address.isLoopbackAddress()
                    || r.network() != null && address != null && inNetwork(address.getAddress(), r.network(), r.prefix())) {
                return r.method();
            }
        }
        return AuthMethod.REJECT;
    }

    private static boolean inNetwork(byte[] address, byte[] network, int prefix) {
        if (address.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Optional<StoredCredential> credential(String user) {
        return roles.find(user).flatMap(Role::password);
    }
}
