package org.lakepg.wire.types;

import java.util.Arrays;
import java.util.Objects;

/**
 * An array value as PostgreSQL keeps it: element type, dimensions with their lower bounds,
 * and the elements in row-major order (null = SQL NULL). Zero dimensions is the empty array.
 */
public record PgArray(int elementOid, int[] dims, int[] lowerBounds, Object[] elements) {

    /** PostgreSQL's MAXDIM. */
    public static final int MAX_DIMENSIONS = 6;

    public PgArray {
        Objects.requireNonNull(dims, "dims");
        Objects.requireNonNull(lowerBounds, "lowerBounds");
        Objects.requireNonNull(elements, "elements");
        if (dims.length != lowerBounds.length) {
            throw new IllegalArgumentException("dims and lowerBounds differ in length");
        }
        long count = dims.length == 0 ? 0 : 1;
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension " + d);
            }
            count *= d;
        }
        if (count != elements.length) {
            throw new IllegalArgumentException("dims " + Arrays.toString(dims) + " need " + count
                    + " elements, got " + elements.length);
        }
        dims = dims.clone();
        lowerBounds = lowerBounds.clone();
        elements = elements.clone();
    }

    /** A one-dimensional array with lower bound 1 (empty elements give the empty array). */
    public static PgArray of(int elementOid, Object... elements) {
        if (elements.length == 0) {
            return new PgArray(elementOid, new int[0], new int[0], elements);
        }
        return new PgArray(elementOid, new int[] {elements.length}, new int[] {1}, elements);
    }

    public int dimensionCount() {
        return dims.length;
    }

    public boolean hasNulls() {
        for (Object element : elements) {
            if (element == null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    @Override
    public int[] lowerBounds() {
        return lowerBounds.clone();
    }

    @Override
    public Object[] elements() {
        return elements.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgArray other && elementOid == other.elementOid && Arrays.equals(dims, other.dims)
                && Arrays.equals(lowerBounds, other.lowerBounds) && Arrays.deepEquals(elements, other.elements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(elementOid, Arrays.hashCode(dims), Arrays.hashCode(lowerBounds),
                Arrays.deepHashCode(elements));
    }

    @Override
    public String toString() {
        return "PgArray[" + elementOid + ", dims=" + Arrays.toString(dims) + ", lowerBounds="
                + Arrays.toString(lowerBounds) + ", " + Arrays.deepToString(elements) + "]";
    }
}
