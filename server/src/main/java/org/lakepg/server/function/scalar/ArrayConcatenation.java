package org.lakepg.server.function.scalar;

import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgArray;

/**
 * array_cat, array_append and array_prepend (also the array || operators) with PostgreSQL's rules for
 * dimensions and lower bounds: a NULL array counts as empty, appending keeps the lower bound, prepending
 * keeps it too (the new element takes the place before it), and arrays of N and N-1 dimensions
 * concatenate as an array plus one element.
 */
final class ArrayConcatenation {
    private ArrayConcatenation() {}

    static void register(FunctionRegistry r) {
        r.register("array_cat", (x, c) -> x[0] == null ? x[1] : x[1] == null ? x[0]
                : concatenate((PgArray) x[0], (PgArray) x[1]));
        r.register("array_append", new TypedCode((x, types, c) -> {
            PgArray a = (PgArray) x[0];
            return add(a, x[1], a == null ? elementOid(types.of(1)) : a.elementOid(), true);
        }));
        r.register("array_prepend", new TypedCode((x, types, c) -> {
            PgArray a = (PgArray) x[1];
            return add(a, x[0], a == null ? elementOid(types.of(0)) : a.elementOid(), false);
        }));
    }

    private static int elementOid(long type) {
        return (int) type;
    }

    private static PgArray add(PgArray a, Object element, int elementOid, boolean atEnd) {
        if (a == null || a.dimensionCount() == 0) {
            return PgArray.of(elementOid, element);
        }
        if (a.dimensionCount() != 1) {
            throw PgException.of(SqlState.DATA_EXCEPTION, "argument must be empty or one-dimensional array");
        }
        Object[] old = a.elements();
        Object[] out = new Object[old.length + 1];
        System.arraycopy(old, 0, out, atEnd ? 0 : 1, old.length);
        out[atEnd ? old.length : 0] = element;
        int lower = a.lowerBounds()[0];
        if (atEnd && (long) lower + old.length > Integer.MAX_VALUE) {
            throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
        }
        return new PgArray(a.elementOid(), new int[] {out.length}, new int[] {lower}, out);
    }

    private static PgException incompatible(String detail) {
        return PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "cannot concatenate incompatible arrays")
                .withDetail(detail);
    }

    static PgArray concatenate(PgArray left, PgArray right) {
        int n1 = left.dimensionCount();
        int n2 = right.dimensionCount();
        if (n1 == 0) {
            return right;
        }
        if (n2 == 0) {
            return left;
        }
        if (Math.abs(n1 - n2) > 1) {
            throw incompatible(String.format(
                    "Arrays of %d and %d dimensions are not compatible for concatenation.", n1, n2));
        }
        int[] dims1 = left.dims();
        int[] lbs1 = left.lowerBounds();
        int[] dims2 = right.dims();
        int[] lbs2 = right.lowerBounds();
        int[] dims;
        int[] lbs;
        if (n1 == n2) {
            dims = dims1.clone();
            lbs = lbs1.clone();
            dims[0] = dims1[0] + dims2[0];
            for (int i = 1; i < n1; i++) {
                if (dims1[i] != dims2[i] || lbs1[i] != lbs2[i]) {
                    throw incompatible("Arrays with differing element dimensions are not compatible for "
                            + "concatenation.");
                }
            }
        } else {
            // the array with fewer dimensions is one element of the other
            PgArray bigger = n1 > n2 ? left : right;
            PgArray element = n1 > n2 ? right : left;
            dims = bigger.dims();
            lbs = bigger.lowerBounds();
            dims[0] += 1;
            int[] elementDims = element.dims();
            int[] elementLbs = element.lowerBounds();
            for (int i = 0; i < elementDims.length; i++) {
                if (elementDims[i] != dims[i + 1] || elementLbs[i] != lbs[i + 1]) {
                    throw incompatible("Arrays with differing dimensions are not compatible for concatenation.");
                }
            }
        }
        Object[] a = left.elements();
        Object[] b = right.elements();
        Object[] out = new Object[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return new PgArray(left.elementOid(), dims, lbs, out);
    }
}
