package org.lakepg.server.function.scalar;

import java.util.Collections;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.types.PgSnapshot;

/**
 * xid, cid and xid8 comparisons and the pg_snapshot (txid_snapshot) accessors that need no
 * transaction state; xid8 compares unsigned, xid and cid only test equality, as in PostgreSQL.
 */
public final class TxidFunctions {
    private TxidFunctions() {}

    private static long xid(Object v) {
        return v instanceof Integer i ? Integer.toUnsignedLong(i) : (Long) v;
    }

    private static int cmp8(Object[] x) {
        return Integer.signum(Long.compareUnsigned((Long) x[0], (Long) x[1]));
    }

    public static void register(FunctionRegistry r) {
        // xideqint4 / xidneqint4 share the code: the int4 compares as the xid of its bits
        r.register("xideq", (x, c) -> xid(x[0]) == xid(x[1]));
        r.register("xidneq", (x, c) -> xid(x[0]) != xid(x[1]));
        r.register("cideq", (x, c) -> ((Long) x[0]).longValue() == (Long) x[1]);
        r.register("xid8eq", (x, c) -> cmp8(x) == 0);
        r.register("xid8ne", (x, c) -> cmp8(x) != 0);
        r.register("xid8lt", (x, c) -> cmp8(x) < 0);
        r.register("xid8le", (x, c) -> cmp8(x) <= 0);
        r.register("xid8gt", (x, c) -> cmp8(x) > 0);
        r.register("xid8ge", (x, c) -> cmp8(x) >= 0);
        r.register("xid8cmp", (x, c) -> cmp8(x));
        r.register("xid8_larger", (x, c) -> cmp8(x) > 0 ? x[0] : x[1]);
        r.register("xid8_smaller", (x, c) -> cmp8(x) < 0 ? x[0] : x[1]);
        r.register("xid8toxid", (x, c) -> (Long) x[0] & 0xFFFFFFFFL);
        r.register("pg_snapshot_xmin", (x, c) -> ((PgSnapshot) x[0]).xmin());
        r.register("pg_snapshot_xmax", (x, c) -> ((PgSnapshot) x[0]).xmax());
        r.register("pg_visible_in_snapshot", (x, c) -> visible((Long) x[0], (PgSnapshot) x[1]));
    }

    /** is_visible_fxid: before xmin visible, from xmax on not, in between unless still in progress. */
    private static boolean visible(long xid, PgSnapshot snap) {
        if (Long.compareUnsigned(xid, snap.xmin()) < 0) {
            return true;
        }
        if (Long.compareUnsigned(xid, snap.xmax()) >= 0) {
            return false;
        }
        return Collections.binarySearch(snap.xip(), xid, Long::compareUnsigned) < 0;
    }
}
