package org.lakepg.wire.protocol.session;

import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lakepg.wire.auth.AuthConversation;
import org.lakepg.wire.auth.ClientAuthenticator;
import org.lakepg.wire.auth.TlsServerEndPoint;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.protocol.AuthMethod;
import org.lakepg.wire.protocol.AuthenticationPolicy;
import org.lakepg.wire.protocol.codec.BackendMessages;
import org.lakepg.wire.protocol.codec.FrontendMessage;
import org.lakepg.wire.protocol.codec.StartupCodes;

/**
 * The startup packet and the authentication exchange (postmaster.c ProcessStartupPacket, auth.c).
 * Throws a FATAL PgException when the client may not go on.
 */
final class StartupHandshake implements AuthConversation {
    private final SessionWorker session;
    private final BackendOutput output;
    private final ClientConnection connection;
    private final AuthenticationPolicy policy;

    StartupHandshake(SessionWorker session, BackendOutput output, ClientConnection connection, AuthenticationPolicy policy) {
        this.session = session;
        this.output = output;
        this.connection = connection;
        this.policy = policy;
    }

    /**
     * Who the client is and what it asked for; the process id is filled in later. {@code client} is the client's
     * address: the socket's peer, or the one a proxy on this machine forwarded ({@link StartupCodes#PROXIED_CLIENT}).
     */
    record Accepted(String user, String database, Map<String, String> parameters, InetSocketAddress client) {
    }


    Accepted run(FrontendMessage.Startup startup) {
        Map<String, String> raw = startup.parameters();
        negotiateProtocolVersion(startup);
        String user = raw.get("user");
        if (user == null || user.isEmpty()) {
            throw fatal(PgException.of(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "no PostgreSQL user name specified in startup packet"));
        }
        String database = raw.getOrDefault("database", "");
        if (database.isEmpty()) {
            database = user;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            if (!name.equals("user") && !name.equals("database") && !name.equals("options") && !name.startsWith("_pq_.")
                    && !name.equals(StartupCodes.PROXIED_CLIENT)) {
                parameters.put(name, value);
            }
        });
        if (raw.containsKey("options")) {
            parameters.putAll(StartupOptions.settings(raw.get("options")));
        }
        InetSocketAddress remote = clientAddress(connection.remoteAddress(),
                raw.get(StartupCodes.PROXIED_CLIENT));
        AuthMethod method = policy.methodFor(remote, user, database);
        String rejection = String.format("no pg_hba.conf entry for host \"%s\", user \"%s\", database \"%s\", %s",
                remote.getAddress().getHostAddress(), user, database, tlsInUse() ? "SSL encryption" : "no encryption");
        new ClientAuthenticator(this).authenticate(method, user,
                method == AuthMethod.TRUST || method == AuthMethod.REJECT ? Optional.empty() : policy.credential(user),
                rejection);
        BackendMessages.authenticationOk(output.buffer());
        return new Accepted(user, database, parameters, remote);
    }

    private static InetSocketAddress clientAddress(InetSocketAddress peer, String forwarded) {
        if (forwarded == null || !peer.getAddress().isLoopbackAddress()) {
            return peer;
        }
        String[] parts = forwarded.trim().split(" ");
        try {
            if (parts.length == 2 && parts[0].matches("[0-9a-fA-F.:]+")) { // a literal address: no name lookup
                return new InetSocketAddress(java.net.InetAddress.getByName(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            // not an address: keep the peer
        }
        return peer;
    }

    /** A newer 3.x minor version or "_pq_." options: say what we support, then go on (protocol 3.0). */
    private void negotiateProtocolVersion(FrontendMessage.Startup startup) {
        List<String> unrecognized = new ArrayList<>();
        startup.parameters().keySet().stream().filter(name -> name.startsWith("_pq_.")).forEach(unrecognized::add);
        if (startup.minor() > 0 || !unrecognized.isEmpty()) {
            BackendMessages.negotiateProtocolVersion(output.buffer(), StartupCodes.PROTOCOL_3_0, unrecognized);
        }
    }

    private boolean tlsInUse() {
        return connection.tlsSession() != null;
    }

    @Override
    public byte[] tlsServerEndPoint() {
        javax.net.ssl.SSLSession tls = connection.tlsSession();
        if (tls == null) {
            return null;
        }
        Certificate[] certificates = tls.getLocalCertificates();
        return certificates != null && certificates.length > 0 && certificates[0] instanceof X509Certificate x509
                ? TlsServerEndPoint.of(x509) : null;
    }

    @Override
    public void requestCleartextPassword() {
        BackendMessages.authenticationCleartextPassword(output.buffer());
        output.flush();
    }

    @Override
    public void requestMd5Password(byte[] salt) {
        BackendMessages.authenticationMd5Password(output.buffer(), salt);
        output.flush();
    }

    @Override
    public void requestSasl(List<String> mechanisms) {
        BackendMessages.authenticationSasl(output.buffer(), mechanisms);
        output.flush();
    }

    @Override
    public void saslContinue(byte[] data) {
        BackendMessages.authenticationSaslContinue(output.buffer(), data);
        output.flush();
    }

    @Override
    public void saslFinal(byte[] data) {
        BackendMessages.authenticationSaslFinal(output.buffer(), data);
    }

    @Override
    public byte[] receive(String expected) {
        FrontendMessage message = session.nextMessage();
        if (message instanceof FrontendMessage.AuthenticationResponse response) {
            if (response.type() == 'p') {
                return response.body();
            }
            throw fatal(PgException.of(SqlState.PROTOCOL_VIOLATION, "expected %s, got message type %d", expected,
                    response.type()));
        }
        if (message instanceof FrontendMessage.Fatal fatal && fatal.error() != null) {
            throw fatal(fatal.error());
        }
        // the client went away or broke the framing: PostgreSQL only logs this and closes
        session.closeSilently();
        throw fatal(PgException.of(SqlState.CONNECTION_FAILURE, "connection lost during authentication"));
    }

    private static PgException fatal(PgException e) {
        return e.withSeverity(PgException.Severity.FATAL);
    }
}
