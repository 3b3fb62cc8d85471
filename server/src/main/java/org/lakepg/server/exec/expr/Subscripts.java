package org.lakepg.server.exec.expr;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.wire.types.PgArray;

/**
 * Array element fetch and slicing as PostgreSQL's array_get_element / array_get_slice do it: an
 * element needs one subscript per dimension and is NULL out of bounds; a slice clamps its bounds
 * and gives an empty array when nothing is left, with lower bounds reset to 1.
 */
final class Subscripts {
    private Subscripts() {}

    private static final int NAMEDATALEN = 64;

    static Object element(Object container, int[] subscripts) {
        if (container instanceof org.lakepg.wire.types.PgPoint p) {
            // a fixed-length array of two float8s
            if (subscripts.length != 1 || subscripts[0] < 0 || subscripts[0] > 1) {
                return null;
            }
            return Double.valueOf(subscripts[0] == 0 ? p.x() : p.y());
        }
        if (container instanceof String name) {
            // a name is a fixed-length array of NAMEDATALEN "char"s, NUL-padded (pg_dump reads typname[0])
            byte[] bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (subscripts.length != 1 || subscripts[0] < 0 || subscripts[0] >= NAMEDATALEN) {
                return null;
            }
            return subscripts[0] < bytes.length ? bytes[subscripts[0]] : (byte) 0;
        }
        PgArray array = (PgArray) container;
        int n = array.dimensionCount();
        if (subscripts.length != n || n == 0) {
            return null;
        }
        int[] dims = array.dims();
        int[] lbs = array.lowerBounds();
        int offset = 0;
        for (int d = 0; d < n; d++) {
            int i = subscripts[d] - lbs[d];
            if (i < 0 || i >= dims[d]) {
                return null;
            }
            offset = offset * dims[d] + i;
        }
        return array.elements()[offset];
    }

    /** @param lower the given lower bounds (null where left out), likewise upper */
    static PgArray slice(Object container, Integer[] lower, Integer[] upper) {
        if (!(container instanceof PgArray array)) {
            throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.FEATURE_NOT_SUPPORTED,
                    "slices of fixed-length arrays not implemented");
        }
        int n = array.dimensionCount();
        int given = lower.length;
        if (n == 0 || given > n) {
            return PgArray.of(array.elementOid());
        }
        int[] dims = array.dims();
        int[] lbs = array.lowerBounds();
        int[] from = new int[n];
        int[] to = new int[n];
        for (int d = 0; d < n; d++) {
            int lo = lbs[d];
            int hi = lbs[d] + dims[d] - 1;
            from[d] = d < given && lower[d] != null ? Math.max(lower[d], lo) : lo;
            to[d] = d < given && upper[d] != null ? Math.min(upper[d], hi) : hi;
            if (from[d] > to[d]) {
                return PgArray.of(array.elementOid());
            }
        }
        int[] outDims = new int[n];
        int[] ones = new int[n];
        for (int d = 0; d < n; d++) {
            outDims[d] = to[d] - from[d] + 1;
            ones[d] = 1;
        }
        List<Object> out = new ArrayList<>();
        collect(array, 0, 0, from, to, out);
        return new PgArray(array.elementOid(), outDims, ones, out.toArray());
    }

    private static void collect(PgArray array, int d, int offset, int[] from, int[] to, List<Object> out) {
        int[] dims = array.dims();
        int[] lbs = array.lowerBounds();
        for (int i = from[d]; i <= to[d]; i++) {
            int at = offset * dims[d] + (i - lbs[d]);
            if (d == dims.length - 1) {
                out.add(array.elements()[at]);
            } else {
                collect(array, d + 1, at, from, to, out);
            }
        }
    }

    /**
     * ARRAY(subquery): the values as elements, or, when they are arrays of the element type, stacked one dimension
     * higher (PostgreSQL's array_agg_array, which refuses NULL, empty and differently shaped arrays).
     */
    static PgArray accumulate(int elementOid, List<Object> values) {
        if (values.isEmpty() || !(values.get(0) instanceof PgArray first) || first.elementOid() != elementOid) {
            return PgArray.of(elementOid, values.toArray());
        }
        List<Object> elements = new ArrayList<>();
        for (Object v : values) {
            if (v == null) {
                throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.NULL_VALUE_NOT_ALLOWED,
                        "cannot accumulate null arrays");
            }
            PgArray a = (PgArray) v;
            if (a.dimensionCount() == 0) {
                throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.ARRAY_SUBSCRIPT_ERROR,
                        "cannot accumulate empty arrays");
            }
            if (!java.util.Arrays.equals(a.dims(), first.dims()) || !java.util.Arrays.equals(a.lowerBounds(), first.lowerBounds())) {
                throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.ARRAY_SUBSCRIPT_ERROR,
                        "cannot accumulate arrays of different dimensionality");
            }
            elements.addAll(java.util.Arrays.asList(a.elements()));
        }
        int n = first.dimensionCount();
        if (n + 1 > PgArray.MAX_DIMENSIONS) {
            throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.PROGRAM_LIMIT_EXCEEDED,
                    "number of array dimensions (%d) exceeds the maximum allowed (%d)", n + 1, PgArray.MAX_DIMENSIONS);
        }
        int[] dims = new int[n + 1];
        int[] lbs = new int[n + 1];
        dims[0] = values.size();
        lbs[0] = 1;
        System.arraycopy(first.dims(), 0, dims, 1, n);
        System.arraycopy(first.lowerBounds(), 0, lbs, 1, n);
        return new PgArray(elementOid, dims, lbs, elements.toArray());
    }

    /** ARRAY[sub, sub, ...]: equal-shaped sub-arrays (NULL ones skipped, as PostgreSQL does) become one dimension higher. */
    static PgArray stack(int elementOid, PgArray[] parts) {
        java.util.List<PgArray> present = new java.util.ArrayList<>();
        for (PgArray p : parts) {
            if (p != null && p.dimensionCount() > 0) {
                present.add(p);
            }
        }
        if (present.isEmpty()) {
            return PgArray.of(elementOid);
        }
        PgArray first = present.get(0);
        java.util.List<Object> elements = new java.util.ArrayList<>();
        for (PgArray p : present) {
            if (!java.util.Arrays.equals(p.dims(), first.dims()) || !java.util.Arrays.equals(p.lowerBounds(), first.lowerBounds())) {
                throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.ARRAY_SUBSCRIPT_ERROR,
                        "multidimensional arrays must have array expressions with matching dimensions");
            }
            elements.addAll(java.util.Arrays.asList(p.elements()));
        }
        int n = first.dimensionCount();
        int[] dims = new int[n + 1];
        int[] lbs = new int[n + 1];
        dims[0] = present.size();
        lbs[0] = 1;
        System.arraycopy(first.dims(), 0, dims, 1, n);
        System.arraycopy(first.lowerBounds(), 0, lbs, 1, n);
        return new PgArray(elementOid, dims, lbs, elements.toArray());
    }
}
