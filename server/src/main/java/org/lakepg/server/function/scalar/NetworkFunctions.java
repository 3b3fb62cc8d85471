package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.InetText;
import org.lakepg.wire.types.PgInet;

/** inet and cidr operators and functions (network.c): ordering, containment, masks, bit operations. */
public final class NetworkFunctions {
    private NetworkFunctions() {}

    private static PgInet ip(Object v) {
        return (PgInet) v;
    }

    public static void register(FunctionRegistry r) {
        r.register("network_cmp", (x, c) -> compare(ip(x[0]), ip(x[1])));
        r.register("network_eq", (x, c) -> compare(ip(x[0]), ip(x[1])) == 0);
        r.register("network_ne", (x, c) -> compare(ip(x[0]), ip(x[1])) != 0);
        r.register("network_lt", (x, c) -> compare(ip(x[0]), ip(x[1])) < 0);
        r.register("network_le", (x, c) -> compare(ip(x[0]), ip(x[1])) <= 0);
        r.register("network_gt", (x, c) -> compare(ip(x[0]), ip(x[1])) > 0);
        r.register("network_ge", (x, c) -> compare(ip(x[0]), ip(x[1])) >= 0);
        r.register("network_larger", (x, c) -> compare(ip(x[0]), ip(x[1])) > 0 ? x[0] : x[1]);
        r.register("network_smaller", (x, c) -> compare(ip(x[0]), ip(x[1])) < 0 ? x[0] : x[1]);
        r.register("hashinet", (x, c) -> PgHashBytes.hash(hashKey(ip(x[0]))));
        r.register("hashinetextended", (x, c) -> PgHashBytes.hashExtended(hashKey(ip(x[0])), (Long) x[1]));
        r.register("network_sub", (x, c) -> sameFamily(x) && ip(x[0]).bits() > ip(x[1]).bits()
                && bitCompare(ip(x[0]), ip(x[1]), ip(x[1]).bits()) == 0);
        r.register("network_subeq", (x, c) -> sameFamily(x) && ip(x[0]).bits() >= ip(x[1]).bits()
                && bitCompare(ip(x[0]), ip(x[1]), ip(x[1]).bits()) == 0);
        r.register("network_sup", (x, c) -> sameFamily(x) && ip(x[0]).bits() < ip(x[1]).bits()
                && bitCompare(ip(x[0]), ip(x[1]), ip(x[0]).bits()) == 0);
        r.register("network_supeq", (x, c) -> sameFamily(x) && ip(x[0]).bits() <= ip(x[1]).bits()
                && bitCompare(ip(x[0]), ip(x[1]), ip(x[0]).bits()) == 0);
        r.register("network_overlap", (x, c) -> sameFamily(x)
                && bitCompare(ip(x[0]), ip(x[1]), Math.min(ip(x[0]).bits(), ip(x[1]).bits())) == 0);
        r.register("network_host", (x, c) -> host(ip(x[0])));
        r.register("network_show", (x, c) -> host(ip(x[0])) + "/" + ip(x[0]).bits());
        r.register("inet_abbrev", (x, c) -> InetText.netNtop(ip(x[0]), ip(x[0]).bits()));
        r.register("cidr_abbrev", (x, c) -> InetText.cidrNtop(ip(x[0])));
        r.register("network_masklen", (x, c) -> ip(x[0]).bits());
        r.register("network_family", (x, c) -> ip(x[0]).family() == PgInet.AF_INET ? 4 : 6);
        r.register("network_broadcast", (x, c) -> broadcast(ip(x[0])));
        r.register("network_network", (x, c) -> withMask(ip(x[0]), ip(x[0]).bits(), ip(x[0]).bits()));
        r.register("network_netmask", (x, c) -> netmask(ip(x[0])));
        r.register("network_hostmask", (x, c) -> hostmask(ip(x[0])));
        r.register("inet_same_family", (x, c) -> sameFamily(x));
        r.register("inet_merge", (x, c) -> {
            if (!sameFamily(x)) {
                throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot merge addresses from different families");
            }
            int common = commonBits(ip(x[0]), ip(x[1]), Math.min(ip(x[0]).bits(), ip(x[1]).bits()));
            return withMask(ip(x[0]), common, common);
        });
        r.register("inet_to_cidr", (x, c) -> withMask(ip(x[0]), ip(x[0]).bits(), ip(x[0]).bits()));
        r.register("inet_set_masklen", (x, c) -> {
            int bits = maskLength(ip(x[0]), (Integer) x[1]);
            return new PgInet(ip(x[0]).family(), bits, ip(x[0]).address());
        });
        r.register("cidr_set_masklen", (x, c) -> {
            int bits = maskLength(ip(x[0]), (Integer) x[1]);
            return withMask(ip(x[0]), bits, bits);
        });
        r.register("inetnot", (x, c) -> {
            byte[] a = ip(x[0]).address();
            for (int i = 0; i < a.length; i++) {
                a[i] = (byte) ~a[i];
            }
            return new PgInet(ip(x[0]).family(), ip(x[0]).bits(), a);
        });
        r.register("inetand", (x, c) -> bitwise(ip(x[0]), ip(x[1]), true));
        r.register("inetor", (x, c) -> bitwise(ip(x[0]), ip(x[1]), false));
        r.register("inetpl", (x, c) -> plus(ip(x[0]), (Long) x[1]));
        r.register("inetmi_int8", (x, c) -> plus(ip(x[0]), -(Long) x[1]));
        r.register("inetmi", (x, c) -> minus(ip(x[0]), ip(x[1])));
    }

    private static boolean sameFamily(Object[] x) {
        return ip(x[0]).family() == ip(x[1]).family();
    }

    /** The inet struct's bytes hash_any sees: family, bits, address. */
    private static byte[] hashKey(PgInet v) {
        byte[] key = new byte[2 + v.size()];
        key[0] = (byte) v.family();
        key[1] = (byte) v.bits();
        System.arraycopy(v.address(), 0, key, 2, v.size());
        return key;
    }

    /** network_cmp_internal: family, then the common network bits, then mask length, then the whole address. */
    static int compare(PgInet a, PgInet b) {
        if (a.family() != b.family()) {
            return a.family() - b.family();
        }
        int order = bitCompare(a, b, Math.min(a.bits(), b.bits()));
        if (order != 0) {
            return order;
        }
        order = a.bits() - b.bits();
        if (order != 0) {
            return order;
        }
        return bitCompare(a, b, a.maxBits());
    }

    /** bitncmp: the first n bits as unsigned numbers. */
    private static int bitCompare(PgInet a, PgInet b, int n) {
        int whole = n / 8;
        for (int i = 0; i < whole; i++) {
            if (a.octet(i) != b.octet(i)) {
                return a.octet(i) - b.octet(i);
            }
        }
        if (n % 8 == 0) {
            return 0;
        }
        int lb = a.octet(whole);
        int rb = b.octet(whole);
        for (int k = n % 8; k > 0; k--) {
            if ((lb & 0x80) != (rb & 0x80)) {
                return (lb & 0x80) != 0 ? 1 : -1;
            }
            lb <<= 1;
            rb <<= 1;
        }
        return 0;
    }

    /** bitncommon: how many leading bits (up to n) agree. */
    private static int commonBits(PgInet a, PgInet b, int n) {
        int nbits = n % 8;
        int octet;
        for (octet = 0; octet < n / 8; octet++) {
            if (a.octet(octet) != b.octet(octet)) {
                nbits = 7;
                break;
            }
        }
        if (nbits != 0) {
            int diff = a.octet(octet) ^ b.octet(octet);
            while ((diff >> (8 - nbits)) != 0) {
                nbits--;
            }
        }
        return 8 * octet + nbits;
    }

    private static String host(PgInet v) {
        String text = InetText.netNtop(v, v.maxBits());
        int slash = text.indexOf('/');
        return slash < 0 ? text : text.substring(0, slash);
    }

    private static int maskLength(PgInet v, int bits) {
        if (bits == -1) {
            bits = v.maxBits();
        }
        if (bits < 0 || bits > v.maxBits()) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid mask length: %d", bits);
        }
        return bits;
    }

    /** The address with every bit after {@code keepBits} cleared, and mask length {@code bits}. */
    private static PgInet withMask(PgInet v, int keepBits, int bits) {
        byte[] a = v.address();
        for (int i = 0; i < a.length; i++) {
            int covered = keepBits - 8 * i;
            int mask = covered >= 8 ? 0xFF : covered <= 0 ? 0 : (0xFF << (8 - covered)) & 0xFF;
            a[i] = (byte) (a[i] & mask);
        }
        return new PgInet(v.family(), bits, a);
    }

    private static PgInet broadcast(PgInet v) {
        byte[] a = v.address();
        for (int i = 0; i < a.length; i++) {
            int covered = v.bits() - 8 * i;
            int host = covered >= 8 ? 0 : covered <= 0 ? 0xFF : 0xFF >> covered;
            a[i] = (byte) (a[i] | host);
        }
        return new PgInet(v.family(), v.bits(), a);
    }

    private static PgInet netmask(PgInet v) {
        byte[] a = new byte[v.size()];
        for (int i = 0; i < a.length; i++) {
            int covered = v.bits() - 8 * i;
            a[i] = (byte) (covered >= 8 ? 0xFF : covered <= 0 ? 0 : (0xFF << (8 - covered)) & 0xFF);
        }
        return new PgInet(v.family(), v.maxBits(), a);
    }

    private static PgInet hostmask(PgInet v) {
        byte[] a = new byte[v.size()];
        for (int i = 0; i < a.length; i++) {
            int covered = v.bits() - 8 * i;
            a[i] = (byte) (covered >= 8 ? 0 : covered <= 0 ? 0xFF : 0xFF >> covered);
        }
        return new PgInet(v.family(), v.maxBits(), a);
    }

    private static PgInet bitwise(PgInet a, PgInet b, boolean and) {
        if (a.family() != b.family()) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot %s inet values of different sizes",
                    and ? "AND" : "OR");
        }
        byte[] x = a.address();
        byte[] y = b.address();
        for (int i = 0; i < x.length; i++) {
            x[i] = (byte) (and ? x[i] & y[i] : x[i] | y[i]);
        }
        return new PgInet(a.family(), Math.max(a.bits(), b.bits()), x);
    }

    /** internal_inetpl: byte-wise addition with carry; overflow past either end is an error. */
    private static PgInet plus(PgInet v, long addend) {
        byte[] a = v.address();
        int carry = 0;
        for (int nb = a.length - 1; nb >= 0; nb--) {
            carry = (a[nb] & 0xFF) + (int) (addend & 0xFF) + carry;
            a[nb] = (byte) carry;
            carry >>= 8;
            addend &= ~0xFFL;
            addend /= 0x100;
        }
        if (!((addend == 0 && carry == 0) || (addend == -1 && carry == 1))) {
            throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "result is out of range");
        }
        return new PgInet(v.family(), v.bits(), a);
    }

    /** inetmi: the difference as int8, two's complement byte by byte. */
    private static long minus(PgInet a, PgInet b) {
        if (a.family() != b.family()) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot subtract inet values of different sizes");
        }
        long res = 0;
        int carry = 1;
        int octet = 0;
        for (int nb = a.size() - 1; nb >= 0; nb--) {
            carry = a.octet(nb) + (~b.octet(nb) & 0xFF) + carry;
            int lobyte = carry & 0xFF;
            if (octet < 8) {
                res |= ((long) lobyte) << (octet * 8);
            } else if (res < 0 ? lobyte != 0xFF : lobyte != 0) {
                throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "result is out of range");
            }
            carry >>= 8;
            octet++;
        }
        if (carry == 0 && octet < 8) {
            res |= -1L << (octet * 8);
        }
        return res;
    }
}
