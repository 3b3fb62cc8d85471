package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgMacaddr;

/** macaddr and macaddr8 operators and functions (mac.c, mac8.c). */
public final class NetworkMacFunctions {
    private NetworkMacFunctions() {}

    private static PgMacaddr m(Object v) {
        return (PgMacaddr) v;
    }

    private static int cmp(Object[] x) {
        return Integer.signum(Long.compareUnsigned(m(x[0]).bits(), m(x[1]).bits()));
    }

    public static void register(FunctionRegistry r) {
        for (String prefix : new String[] {"macaddr", "macaddr8"}) {
            int length = prefix.equals("macaddr") ? 6 : 8;
            long all = length == 6 ? 0xFFFFFFFFFFFFL : -1L;
            r.register(prefix + "_cmp", (x, c) -> cmp(x));
            r.register(prefix + "_eq", (x, c) -> cmp(x) == 0);
            r.register(prefix + "_ne", (x, c) -> cmp(x) != 0);
            r.register(prefix + "_lt", (x, c) -> cmp(x) < 0);
            r.register(prefix + "_le", (x, c) -> cmp(x) <= 0);
            r.register(prefix + "_gt", (x, c) -> cmp(x) > 0);
            r.register(prefix + "_ge", (x, c) -> cmp(x) >= 0);
            r.register(prefix + "_not", (x, c) -> new PgMacaddr(~m(x[0]).bits() & all, length));
            r.register(prefix + "_and", (x, c) -> new PgMacaddr(m(x[0]).bits() & m(x[1]).bits(), length));
            r.register(prefix + "_or", (x, c) -> new PgMacaddr(m(x[0]).bits() | m(x[1]).bits(), length));
            // the manufacturer part stays: three bytes of macaddr, also three of macaddr8
            long keep = length == 6 ? 0xFFFFFF000000L : 0xFFFFFF0000000000L;
            r.register(prefix + "_trunc", (x, c) -> new PgMacaddr(m(x[0]).bits() & keep, length));
        }
        r.register("hashmacaddr", (x, c) -> PgHashBytes.hash(bytes(m(x[0]))));
        r.register("hashmacaddrextended", (x, c) -> PgHashBytes.hashExtended(bytes(m(x[0])), (Long) x[1]));
        r.register("hashmacaddr8", (x, c) -> PgHashBytes.hash(bytes(m(x[0]))));
        r.register("hashmacaddr8extended", (x, c) -> PgHashBytes.hashExtended(bytes(m(x[0])), (Long) x[1]));
        r.register("macaddr8_set7bit", (x, c) -> new PgMacaddr(m(x[0]).bits() | 0x0200000000000000L, 8));
        r.register("macaddrtomacaddr8", (x, c) -> {
            long b = m(x[0]).bits();
            return new PgMacaddr((b >>> 24) << 40 | 0xFFFEL << 24 | (b & 0xFFFFFF), 8);
        });
        r.register("macaddr8tomacaddr", (x, c) -> {
            PgMacaddr v = m(x[0]);
            if (v.octet(3) != 0xFF || v.octet(4) != 0xFE) {
                throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                        "macaddr8 data out of range to convert to macaddr")
                        .withHint("Only addresses that have FF and FE as values in the 4th and 5th bytes from the left,"
                                + " for example xx:xx:xx:ff:fe:xx:xx:xx, are eligible to be converted from macaddr8"
                                + " to macaddr.");
            }
            long b = v.bits();
            return new PgMacaddr((b >>> 40) << 24 | (b & 0xFFFFFF), 6);
        });
    }

    private static byte[] bytes(PgMacaddr v) {
        byte[] out = new byte[v.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) v.octet(i);
        }
        return out;
    }
}
