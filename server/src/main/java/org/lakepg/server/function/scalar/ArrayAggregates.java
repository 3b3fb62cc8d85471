package org.lakepg.server.function.scalar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgArray;

/**
 * array_agg's final function over scalars (the transition collects into a list in AggregateSupport) and
 * array_agg over arrays, which stacks equally shaped arrays into one more dimension. The final functions
 * learn the element type from the aggregated argument's type.
 */
final class ArrayAggregates {
    private ArrayAggregates() {}

    static void register(FunctionRegistry r) {
        r.register("array_agg_finalfn", new TypedCode((x, types, c) -> {
            if (x[0] == null) {
                return null;
            }
            List<?> state = (List<?>) x[0];
            return PgArray.of((int) types.of(0), state.toArray());
        }));
        r.register("array_agg_array_transfn", (x, c) -> {
            if (x[1] == null) {
                throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "cannot accumulate null arrays");
            }
            PgArray input = (PgArray) x[1];
            if (input.dimensionCount() == 0) {
                throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "cannot accumulate empty arrays");
            }
            @SuppressWarnings("unchecked")
            List<PgArray> state = x[0] == null ? new ArrayList<>() : (List<PgArray>) x[0];
            if (!state.isEmpty()) {
                PgArray first = state.get(0);
                if (!Arrays.equals(first.dims(), input.dims())
                        || !Arrays.equals(first.lowerBounds(), input.lowerBounds())) {
                    throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR,
                            "cannot accumulate arrays of different dimensionality");
                }
            } else if (input.dimensionCount() + 1 > PgArray.MAX_DIMENSIONS) {
                throw PgException.of(SqlState.PROGRAM_LIMIT_EXCEEDED,
                        "number of array dimensions (%d) exceeds the maximum allowed (%d)",
                        input.dimensionCount() + 1, PgArray.MAX_DIMENSIONS);
            }
            state.add(input);
            return state;
        });
        r.register("array_agg_array_finalfn", (x, c) -> {
            if (x[0] == null) {
                return null;
            }
            @SuppressWarnings("unchecked")
            List<PgArray> state = (List<PgArray>) x[0];
            PgArray first = state.get(0);
            int n = first.dimensionCount();
            int[] dims = new int[n + 1];
            int[] lbs = new int[n + 1];
            dims[0] = state.size();
            lbs[0] = 1;
            System.arraycopy(first.dims(), 0, dims, 1, n);
            System.arraycopy(first.lowerBounds(), 0, lbs, 1, n);
            List<Object> elements = new ArrayList<>();
            for (PgArray a : state) {
                elements.addAll(Arrays.asList(a.elements()));
            }
            return new PgArray(first.elementOid(), dims, lbs, elements.toArray());
        });
    }
}
