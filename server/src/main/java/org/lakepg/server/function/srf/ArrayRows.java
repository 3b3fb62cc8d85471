package org.lakepg.server.function.srf;

import java.util.Arrays;
import org.lakepg.wire.types.PgArray;

/** unnest(anyarray) and generate_subscripts over arrays (PostgreSQL's arrayfuncs.c). */
final class ArrayRows {
    private ArrayRows() {}

    static void register(SetReturningFunctions r) {
        r.register("array_unnest", (x, c) -> RowIterators.single(Arrays.asList(((PgArray) x[0]).elements())));
        r.register("generate_subscripts_nodir", (x, c) -> subscripts((PgArray) x[0], (Integer) x[1], false));
        r.register("generate_subscripts", (x, c) -> subscripts((PgArray) x[0], (Integer) x[1], (Boolean) x[2]));
        // information_schema._pg_expandarray is SQL in PostgreSQL; its code is bound by that SQL text, its prosrc
        org.lakepg.server.catalog.bootstrap.BuiltinCatalog.get().proc(PG_EXPANDARRAY)
                .ifPresent(p -> r.register(p.source(), (x, c) -> expand((PgArray) x[0])));
    }

    /** pg_proc OID of information_schema._pg_expandarray(anyarray, OUT x anyelement, OUT n int). */
    private static final long PG_EXPANDARRAY = 13208;

    /** Each element of the array's first dimension with its 1-based position. */
    private static java.util.Iterator<Object[]> expand(PgArray array) {
        if (array.dimensionCount() == 0) {
            return java.util.Collections.emptyIterator();
        }
        Object[] elements = array.elements();
        int length = array.dims()[0];
        int stride = elements.length / length;
        int[] next = {0};
        return RowIterators.generate(() -> {
            int i = next[0]++;
            if (i >= length) {
                return null;
            }
            // a multi-dimensional array's $1[s] with one subscript is NULL, as in PostgreSQL
            return new Object[] {stride == 1 ? elements[i] : null, i + 1};
        });
    }

    private static java.util.Iterator<Object[]> subscripts(PgArray array, int dimension, boolean reverse) {
        if (dimension < 1 || dimension > array.dimensionCount()) {
            return java.util.Collections.emptyIterator();
        }
        int lower = array.lowerBounds()[dimension - 1];
        int upper = lower + array.dims()[dimension - 1] - 1;
        int[] next = {reverse ? upper : lower};
        return RowIterators.generate(() -> {
            int i = next[0];
            if (i < lower || i > upper) {
                return null;
            }
            next[0] = reverse ? i - 1 : i + 1;
            return new Object[] {i};
        });
    }
}
