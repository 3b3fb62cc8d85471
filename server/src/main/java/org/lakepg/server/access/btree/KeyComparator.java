package org.lakepg.server.access.btree;

import java.util.Arrays;

/**
 * Orders index keys. The SQL engine supplies one per index (from the columns' operator classes, DESC and
 * NULLS FIRST/LAST); keys built with {@link KeyEncoding} compare correctly with {@link #BYTEWISE}.
 */
@FunctionalInterface
public interface KeyComparator {

    int compare(byte[] a, byte[] b);

    /**
     * Compares {@code a} with the key stored in {@code page[from, to)}; searches call this on latched page bytes so
     * that a binary search allocates nothing.
     */
    default int compare(byte[] a, byte[] page, int from, int to) {
        return compare(a, Arrays.copyOfRange(page, from, to));
    }

    /** Unsigned lexicographic byte order (memcmp), the order {@link KeyEncoding} produces. */
    KeyComparator BYTEWISE = new KeyComparator() {
        @Override
        public int compare(byte[] a, byte[] b) {
            return Arrays.compareUnsigned(a, b);
        }

        @Override
        public int compare(byte[] a, byte[] page, int from, int to) {
            int common = Math.min(a.length, to - from);
            if (common > 16) {
                return Arrays.compareUnsigned(a, 0, a.length, page, from, to);
            }
            // short keys (integers, small texts) compare faster in a plain loop than through the vectorized mismatch
            for (int i = 0; i < common; i++) {
                int c = (a[i] & 0xff) - (page[from + i] & 0xff);
                if (c != 0) {
                    return c;
                }
            }
            return a.length - (to - from);
        }
    };
}
