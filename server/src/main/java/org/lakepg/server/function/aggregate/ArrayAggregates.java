package org.lakepg.server.function.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.function.scalar.TypedCode;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgArray;

/**
 * array_agg's final functions (its transition over scalars is in AggregateSupport) and array_agg over arrays, which
 * stacks equal-shaped arrays into one of one more dimension.
 */
public final class ArrayAggregates {
    private ArrayAggregates() {
    }

    public static void register(FunctionRegistry r) {
        // argument 1 of the final function is array_agg's own (a NULL placeholder): its type is the element type
        r.register("array_agg_finalfn", new TypedCode((x, t, c) -> {
            if (x[0] == null) {
                return null;
            }
            @SuppressWarnings("unchecked")
            List<Object> values = (List<Object>) x[0];
            return PgArray.of((int) t.of(1), values.toArray());
        }));
        r.register("array_agg_array_transfn", (x, c) -> {
            if (x[1] == null) {
                throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "cannot accumulate null arrays");
            }
            PgArray value = (PgArray) x[1];
            if (value.elements().length == 0) {
                throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "cannot accumulate empty arrays");
            }
            @SuppressWarnings("unchecked")
            List<PgArray> state = x[0] == null ? new ArrayList<>() : (List<PgArray>) x[0];
            if (!state.isEmpty()) {
                PgArray first = state.get(0);
                if (first.dims().length != value.dims().length) {
                    throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR,
                            "cannot accumulate arrays of different dimensionality");
                }
                if (!Arrays.equals(first.dims(), value.dims()) || !Arrays.equals(first.lowerBounds(), value.lowerBounds())) {
                    throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR,
                            "cannot accumulate arrays of different dimensionality");
                }
            }
            state.add(value);
            return state;
        });
        r.register("array_agg_array_finalfn", (x, c) -> {
            if (x[0] == null) {
                return null;
            }
            @SuppressWarnings("unchecked")
            List<PgArray> parts = (List<PgArray>) x[0];
            PgArray first = parts.get(0);
            int[] dims = new int[first.dims().length + 1];
            int[] lower = new int[dims.length];
            dims[0] = parts.size();
            lower[0] = 1;
            System.arraycopy(first.dims(), 0, dims, 1, first.dims().length);
            System.arraycopy(first.lowerBounds(), 0, lower, 1, first.lowerBounds().length);
            List<Object> elements = new ArrayList<>();
            for (PgArray part : parts) {
                elements.addAll(Arrays.asList(part.elements()));
            }
            if (dims.length > PgArray.MAX_DIMENSIONS) {
                throw PgException.of(SqlState.PROGRAM_LIMIT_EXCEEDED,
                        "number of array dimensions (%d) exceeds the maximum allowed (%d)", dims.length,
                        PgArray.MAX_DIMENSIONS);
            }
            return new PgArray(first.elementOid(), dims, lower, elements.toArray());
        });
    }
}
