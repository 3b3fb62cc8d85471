package org.lakepg.server.function.scalar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgArray;

/**
 * The array functions of PostgreSQL's arrayfuncs.c / array_userfuncs.c that inspect or reshape one
 * array: array_upper/lower/length/ndims/dims, cardinality, array_position(s), array_remove/replace,
 * array_fill and trim_array. Concatenation (array_cat/append/prepend, the || operators) is in
 * {@link ArrayConcatenation}.
 */
public final class ArrayFunctions {
    private ArrayFunctions() {}

    public static void register(FunctionRegistry r) {
        ArrayConcatenation.register(r);
        ArrayOrdering.register(r);
        ArrayContainment.register(r);
        r.register("array_ndims", (x, c) -> {
            int n = ((PgArray) x[0]).dimensionCount();
            return n == 0 ? null : n;
        });
        r.register("array_dims", (x, c) -> dimsText((PgArray) x[0]));
        r.register("array_lower", (x, c) -> bound((PgArray) x[0], (Integer) x[1], false));
        r.register("array_upper", (x, c) -> bound((PgArray) x[0], (Integer) x[1], true));
        r.register("array_length", (x, c) -> {
            PgArray a = (PgArray) x[0];
            int d = (Integer) x[1];
            return d < 1 || d > a.dimensionCount() ? null : a.dims()[d - 1];
        });
        r.register("array_cardinality", (x, c) -> ((PgArray) x[0]).elements().length);
        r.register("array_position", (x, c) -> position((PgArray) x[0], x[1], null));
        r.register("array_position_start", (x, c) -> {
            if (x[0] == null) {
                return null;
            }
            if (x[2] == null) {
                throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "initial position must not be null");
            }
            return position((PgArray) x[0], x[1], (Integer) x[2]);
        });
        r.register("array_positions", (x, c) -> positions((PgArray) x[0], x[1]));
        r.register("array_remove", (x, c) -> remove((PgArray) x[0], x[1]));
        r.register("array_replace", (x, c) -> replace((PgArray) x[0], x[1], x[2]));
        r.register("array_fill", new TypedCode((x, types, c) -> {
            if (x[1] == null) {
                throw nullDims();
            }
            return fill(x[0], types.of(0), (PgArray) x[1], null);
        }));
        r.register("array_fill_with_lower_bounds", new TypedCode((x, types, c) -> {
            if (x[1] == null || x[2] == null) {
                throw nullDims();
            }
            return fill(x[0], types.of(0), (PgArray) x[1], (PgArray) x[2]);
        }));
        r.register("trim_array", (x, c) -> trim((PgArray) x[0], (Integer) x[1]));
    }

    private static String dimsText(PgArray a) {
        if (a.dimensionCount() == 0) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int[] dims = a.dims();
        int[] lbs = a.lowerBounds();
        for (int i = 0; i < dims.length; i++) {
            out.append('[').append(lbs[i]).append(':').append(lbs[i] + dims[i] - 1).append(']');
        }
        return out.toString();
    }

    private static Integer bound(PgArray a, int dimension, boolean upper) {
        if (dimension < 1 || dimension > a.dimensionCount()) {
            return null;
        }
        int lower = a.lowerBounds()[dimension - 1];
        return upper ? lower + a.dims()[dimension - 1] - 1 : lower;
    }

    private static void requireOneDimension(PgArray a, String what) {
        if (a.dimensionCount() > 1) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "%s multidimensional arrays is not supported",
                    what);
        }
    }

    private static Integer position(PgArray a, Object wanted, Integer start) {
        if (a == null) {
            return null;
        }
        requireOneDimension(a, "searching for elements in");
        if (a.dimensionCount() == 0) {
            return null;
        }
        int lower = a.lowerBounds()[0];
        Object[] e = a.elements();
        int from = start == null ? 0 : Math.max(0, start - lower);
        for (int i = from; i < e.length; i++) {
            if (ArrayEquality.notDistinct(e[i], wanted)) {
                return lower + i;
            }
        }
        return null;
    }

    private static PgArray positions(PgArray a, Object wanted) {
        if (a == null) {
            return null;
        }
        requireOneDimension(a, "searching for elements in");
        List<Object> found = new ArrayList<>();
        if (a.dimensionCount() == 1) {
            int lower = a.lowerBounds()[0];
            Object[] e = a.elements();
            for (int i = 0; i < e.length; i++) {
                if (ArrayEquality.notDistinct(e[i], wanted)) {
                    found.add(lower + i);
                }
            }
        }
        return PgArray.of((int) TypeOids.INT4, found.toArray());
    }

    private static PgArray remove(PgArray a, Object unwanted) {
        if (a == null) {
            return null;
        }
        requireOneDimension(a, "removing elements from");
        if (a.dimensionCount() == 0) {
            return a;
        }
        List<Object> kept = new ArrayList<>();
        for (Object e : a.elements()) {
            if (!ArrayEquality.notDistinct(e, unwanted)) {
                kept.add(e);
            }
        }
        if (kept.isEmpty()) {
            return PgArray.of(a.elementOid());
        }
        return new PgArray(a.elementOid(), new int[] {kept.size()}, a.lowerBounds(), kept.toArray());
    }

    private static PgArray replace(PgArray a, Object from, Object to) {
        if (a == null) {
            return null;
        }
        Object[] e = a.elements();
        for (int i = 0; i < e.length; i++) {
            if (ArrayEquality.notDistinct(e[i], from)) {
                e[i] = to;
            }
        }
        return new PgArray(a.elementOid(), a.dims(), a.lowerBounds(), e);
    }

    private static PgArray fill(Object value, long elementType, PgArray dimsArray, PgArray lbsArray) {
        if (dimsArray.dimensionCount() > 1) {
            throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "wrong number of array subscripts")
                    .withDetail("Dimension array must be one dimensional.");
        }
        int[] dims = integers(dimsArray, "dimension values cannot be null");
        int[] lbs = new int[dims.length];
        Arrays.fill(lbs, 1);
        if (lbsArray != null) {
            if (lbsArray.dimensionCount() > 1) {
                throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "wrong number of array subscripts")
                        .withDetail("Dimension array must be one dimensional.");
            }
            lbs = integers(lbsArray, "dimension values cannot be null");
            if (lbs.length != dims.length) {
                throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "wrong number of array subscripts")
                        .withDetail("Low bound array has different size than dimensions array.");
            }
        }
        if (dims.length > PgArray.MAX_DIMENSIONS) {
            throw PgException.of(SqlState.PROGRAM_LIMIT_EXCEEDED,
                    "number of array dimensions (%d) exceeds the maximum allowed (%d)", dims.length,
                    PgArray.MAX_DIMENSIONS);
        }
        long count = dims.length == 0 ? 0 : 1;
        for (int d : dims) {
            if (d < 0) {
                d = 0;
            }
            count *= d;
            if (count > 134217727) {
                throw PgException.of(SqlState.PROGRAM_LIMIT_EXCEEDED,
                        "array size exceeds the maximum allowed (%d)", 134217727);
            }
        }
        int elementOid = (int) elementType;
        if (count == 0) {
            return PgArray.of(elementOid);
        }
        Object[] elements = new Object[(int) count];
        Arrays.fill(elements, value);
        return new PgArray(elementOid, dims, lbs, elements);
    }

    private static PgException nullDims() {
        return PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED,
                "dimension array or low bound array cannot be null");
    }

    private static int[] integers(PgArray a, String nullMessage) {
        Object[] e = a.elements();
        int[] out = new int[e.length];
        for (int i = 0; i < e.length; i++) {
            if (e[i] == null) {
                throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, nullMessage);
            }
            out[i] = (Integer) e[i];
        }
        return out;
    }

    private static PgArray trim(PgArray a, int n) {
        int length = a.dimensionCount() == 0 ? 0 : a.dims()[0];
        if (n < 0 || n > length) {
            throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR,
                    "number of elements to trim must be between 0 and %d", length);
        }
        if (length == 0) {
            return a;
        }
        int[] dims = a.dims();
        int keep = length - n;
        if (keep == 0) {
            return PgArray.of(a.elementOid());
        }
        int inner = a.elements().length / length;
        dims[0] = keep;
        // a slice, as PostgreSQL takes it, starts at lower bound 1 in every dimension
        int[] lbs = new int[dims.length];
        Arrays.fill(lbs, 1);
        return new PgArray(a.elementOid(), dims, lbs, Arrays.copyOf(a.elements(), keep * inner));
    }
}
