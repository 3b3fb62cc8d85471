package org.lakepg.server.function.scalar;

import java.util.Optional;
import java.util.function.ToLongFunction;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.access.heap.TupleSystemColumns;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;

/**
 * The system columns xmin, xmax, cmin and cmax of a row: read from the header of the row version at its tid (the
 * analyzer turns a reference to one into a call with the table's OID and the row's tid).
 */
public final class SystemColumnFunctions {
    private SystemColumnFunctions() {}

    public static void register(FunctionRegistry r) {
        // a row's tid as the tid type shows it
        r.register("lakepg_tuple_ctid", (x, c) -> x[0] instanceof Tid t
                ? new org.lakepg.wire.types.PgTid(Integer.toUnsignedLong(t.block()), t.offset()) : x[0]);
        r.register("lakepg_tuple_xmin", (x, c) -> header(c, x, h -> TupleSystemColumns.shown(h.xmin())));
        r.register("lakepg_tuple_xmax", (x, c) -> header(c, x, h -> TupleSystemColumns.shown(h.xmax())));
        r.register("lakepg_tuple_cmin", (x, c) -> header(c, x, h -> h.cmin() & 0xFFFFFFFFL));
        // PostgreSQL shows the one stored command id under both names
        r.register("lakepg_tuple_cmax", (x, c) -> header(c, x, h -> h.cmin() & 0xFFFFFFFFL));
    }

    private static Long header(FunctionContext c, Object[] x, ToLongFunction<TupleSystemColumns> field) {
        if (!(c instanceof ExecContext e)) {
            return null;
        }
        var tables = e.tables();
        Optional<TupleSystemColumns> found = tables.catalog().findByOid(tables.transaction().snapshot(),
                ((Number) x[0]).longValue()).flatMap(t -> tables.heap(t).systemColumns((Tid) x[1]));
        return found.map(field::applyAsLong).orElse(null);
    }
}
