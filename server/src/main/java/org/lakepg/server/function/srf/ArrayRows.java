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
