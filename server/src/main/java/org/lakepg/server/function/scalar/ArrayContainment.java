package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.function.ScalarFunction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgArray;

/**
 * {@code @>}, {@code <@} and {@code &&} on arrays of any element type (PostgreSQL's array_contain_compare: the
 * arrays' shapes are ignored, a NULL element matches nothing), and width_bucket(anyelement, anyarray), the bucket
 * found by binary search over sorted thresholds.
 */
final class ArrayContainment {
    private ArrayContainment() {}

    static void register(FunctionRegistry r) {
        r.register("arraycontains", (x, c) -> matches((PgArray) x[1], (PgArray) x[0], true));
        r.register("arraycontained", (x, c) -> matches((PgArray) x[0], (PgArray) x[1], true));
        r.register("arrayoverlap", (x, c) -> matches((PgArray) x[0], (PgArray) x[1], false));
        r.register("width_bucket_array", (x, c) -> widthBucket(x[0], (PgArray) x[1], c));
    }

    /** With {@code all}: every element of a is in b; without: some element of a is. */
    static boolean matches(PgArray a, PgArray b, boolean all) {
        if (a.elementOid() != b.elementOid()) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "cannot compare arrays of different element types");
        }
        for (Object x : a.elements()) {
            boolean found = x != null && contains(b, x);
            if (found != all) {
                return found;
            }
        }
        return all;
    }

    private static boolean contains(PgArray array, Object value) {
        for (Object y : array.elements()) {
            if (y != null && ArrayEquality.notDistinct(value, y)) {
                return true;
            }
        }
        return false;
    }

    /** The number of thresholds less than or equal to the operand (thresholds sorted, as PostgreSQL assumes). */
    static int widthBucket(Object operand, PgArray thresholds, FunctionContext context) {
        if (thresholds.dimensionCount() > 1) {
            throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "thresholds must be one-dimensional array");
        }
        if (thresholds.hasNulls()) {
            throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "thresholds array must not contain NULLs");
        }
        Object[] bounds = thresholds.elements();
        if (bounds.length == 0) {
            return 0;
        }
        ScalarFunction compare = ArrayOrdering.elementComparison(thresholds.elementOid());
        int left = 0;
        int right = bounds.length;
        while (left < right) {
            int mid = (left + right) >>> 1;
            int c = ((Number) compare.apply(new Object[] {operand, bounds[mid]}, context)).intValue();
            if (c < 0) {
                right = mid;
            } else {
                left = mid + 1;
            }
        }
        return left;
    }
}
