package org.lakepg.server.exec.expr;

import java.util.Arrays;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.PgArray;

/**
 * Assignment into an array element or slice as PostgreSQL's array_set_element / array_set_slice do it: a
 * one-dimensional array grows (NULLs fill any gap), a multi-dimensional one only takes subscripts inside its bounds,
 * and an empty array becomes one shaped by the subscripts.
 */
public final class ArrayAssignment {
    /** PostgreSQL's MaxArraySize (MaxAllocSize / sizeof(Datum)). */
    static final int MAX_ARRAY_SIZE = 134217727;

    private ArrayAssignment() {}

    /** {@code a[i][j] = value}; a NULL array counts as an empty one. */
    public static PgArray element(PgArray array, int[] subscripts, Object value, int elementOid) {
        int n = subscripts.length;
        if (array == null || array.dimensionCount() == 0) {
            int[] dims = new int[n];
            Arrays.fill(dims, 1);
            checkBounds(dims, subscripts);
            return new PgArray(elementOid, dims, subscripts.clone(), new Object[] {value});
        }
        if (array.dimensionCount() != n) {
            throw wrongSubscriptCount();
        }
        int[] dims = array.dims();
        int[] lbs = array.lowerBounds();
        if (n == 1) {
            long lower = Math.min(lbs[0], (long) subscripts[0]);
            long upper = Math.max(lbs[0] + (long) dims[0] - 1, subscripts[0]);
            int length = size(upper - lower + 1);
            checkBounds(new int[] {length}, new int[] {(int) lower});
            Object[] out = new Object[length];
            System.arraycopy(array.elements(), 0, out, (int) (lbs[0] - lower), dims[0]);
            out[(int) (subscripts[0] - lower)] = value;
            return new PgArray(array.elementOid(), new int[] {length}, new int[] {(int) lower}, out);
        }
        int offset = 0;
        for (int d = 0; d < n; d++) {
            long i = (long) subscripts[d] - lbs[d];
            if (i < 0 || i >= dims[d]) {
                throw outOfRange();
            }
            offset = offset * dims[d] + (int) i;
        }
        Object[] out = array.elements();
        out[offset] = value;
        return new PgArray(array.elementOid(), dims, lbs, out);
    }

    /**
     * {@code a[l:u] = source}; a NULL array counts as an empty one, a NULL source leaves the array as it is.
     *
     * @param lower the given lower bounds, null where left out (likewise upper)
     */
    static PgArray slice(PgArray array, Integer[] lower, Integer[] upper, PgArray source, int elementOid) {
        if (source == null) {
            return array;
        }
        int n = lower.length;
        if (array == null || array.dimensionCount() == 0) {
            int[] dims = new int[n];
            int[] lbs = new int[n];
            for (int d = 0; d < n; d++) {
                if (lower[d] == null || upper[d] == null) {
                    throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR,
                            "array slice subscript must provide both boundaries").withDetail(
                            "When assigning to a slice of an empty array value, slice boundaries must be fully specified.");
                }
                long length = (long) upper[d] - lower[d] + 1;
                if (length > MAX_ARRAY_SIZE) {
                    throw tooLarge();
                }
                dims[d] = (int) length;
                lbs[d] = lower[d];
            }
            long count = itemCount(dims);
            Object[] from = source.elements();
            if (from.length < count) {
                throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "source array too small");
            }
            if (count == 0) {
                return PgArray.of(elementOid);
            }
            checkBounds(dims, lbs);
            return new PgArray(elementOid, dims, lbs, Arrays.copyOf(from, (int) count));
        }
        int ndim = array.dimensionCount();
        if (ndim < n) {
            throw wrongSubscriptCount();
        }
        int[] dims = array.dims();
        int[] lbs = array.lowerBounds();
        int[] from = new int[ndim];
        int[] to = new int[ndim];
        for (int d = 0; d < ndim; d++) {
            from[d] = d < n && lower[d] != null ? lower[d] : lbs[d];
            to[d] = d < n && upper[d] != null ? upper[d] : lbs[d] + dims[d] - 1;
            if (from[d] > to[d]) {
                throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "upper bound cannot be less than lower bound");
            }
            if (ndim > 1 && d < n && (from[d] < lbs[d] || (long) to[d] >= (long) lbs[d] + dims[d])) {
                throw outOfRange();
            }
        }
        if (ndim == 1) {
            long newLower = Math.min(lbs[0], (long) from[0]);
            long newUpper = Math.max(lbs[0] + (long) dims[0] - 1, to[0]);
            int length = size(newUpper - newLower + 1);
            checkBounds(new int[] {length}, new int[] {(int) newLower});
            int span = size((long) to[0] - from[0] + 1);
            if (span > source.elements().length) {
                throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "source array too small");
            }
            Object[] out = new Object[length];
            System.arraycopy(array.elements(), 0, out, (int) (lbs[0] - newLower), dims[0]);
            System.arraycopy(source.elements(), 0, out, (int) (from[0] - newLower), span);
            return new PgArray(array.elementOid(), new int[] {length}, new int[] {(int) newLower}, out);
        }
        long span = 1;
        for (int d = 0; d < ndim; d++) {
            span *= (long) to[d] - from[d] + 1;
        }
        if (span > source.elements().length) {
            throw PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "source array too small");
        }
        Object[] out = array.elements();
        int[] next = {0};
        replace(out, dims, lbs, 0, 0, from, to, source.elements(), next);
        return new PgArray(array.elementOid(), dims, lbs, out);
    }

    /** Writes the source's items, in order, over the slice's positions in row-major order. */
    private static void replace(Object[] out, int[] dims, int[] lbs, int d, int offset, int[] from, int[] to,
                                Object[] source, int[] next) {
        for (int i = from[d]; i <= to[d]; i++) {
            int at = offset * dims[d] + (i - lbs[d]);
            if (d == dims.length - 1) {
                out[at] = source[next[0]++];
            } else {
                replace(out, dims, lbs, d + 1, at, from, to, source, next);
            }
        }
    }

    private static int size(long length) {
        if (length > MAX_ARRAY_SIZE) {
            throw tooLarge();
        }
        return (int) length;
    }

    private static long itemCount(int[] dims) {
        long count = 1;
        for (int d : dims) {
            count *= d;
            if (d < 0 || count > MAX_ARRAY_SIZE) {
                throw tooLarge();
            }
        }
        return count;
    }

    /** PostgreSQL's ArrayCheckBounds: every upper bound must fit an int. */
    private static void checkBounds(int[] dims, int[] lbs) {
        for (int d = 0; d < dims.length; d++) {
            if ((long) dims[d] + lbs[d] > Integer.MAX_VALUE) {
                throw PgException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "array lower bound is too large: %d", lbs[d]);
            }
        }
    }

    private static PgException tooLarge() {
        return PgException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "array size exceeds the maximum allowed (%d)",
                MAX_ARRAY_SIZE);
    }

    static PgException wrongSubscriptCount() {
        return PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "wrong number of array subscripts");
    }

    static PgException outOfRange() {
        return PgException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "array subscript out of range");
    }
}
