package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;

/** Comparisons of tids (row addresses), as WHERE CURRENT OF finds the cursor's row by one. */
public final class TidFunctions {
    private TidFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("tideq", (x, c) -> x[0].equals(x[1]));
        r.register("tidne", (x, c) -> !x[0].equals(x[1]));
        // ordering by block, then line pointer (btree's tid_ops: sorts and merge joins on ctid)
        r.register("tidlt", (x, c) -> compare(x[0], x[1]) < 0);
        r.register("tidle", (x, c) -> compare(x[0], x[1]) <= 0);
        r.register("tidgt", (x, c) -> compare(x[0], x[1]) > 0);
        r.register("tidge", (x, c) -> compare(x[0], x[1]) >= 0);
        r.register("bttidcmp", (x, c) -> compare(x[0], x[1]));
        r.register("tidlarger", (x, c) -> compare(x[0], x[1]) >= 0 ? x[0] : x[1]);
        r.register("tidsmaller", (x, c) -> compare(x[0], x[1]) <= 0 ? x[0] : x[1]);
    }

    private static int compare(Object a, Object b) {
        if (a instanceof org.lakepg.wire.types.PgTid p && b instanceof org.lakepg.wire.types.PgTid q) {
            int byBlock = Long.compare(p.block(), q.block());
            return byBlock != 0 ? byBlock : Integer.compare(p.offset(), q.offset());
        }
        return Integer.signum(((org.lakepg.server.access.heap.Tid) a).compareTo((org.lakepg.server.access.heap.Tid) b));
    }
}
