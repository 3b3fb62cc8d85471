package org.lakepg.server.access.btree;

import java.util.Arrays;

/**
 * Orders index keys. The SQL engine supplies one per index (from the columns' operator classes, DESC and
 * NULLS FIRST/LAST); keys built with {@link KeyEncoding} compare correctly with {@link #BYTEWISE}.
 */
@FunctionalInterface
public interface KeyComparator {

    int compare(byte[] a, byte[] b);

    /** Unsigned lexicographic byte order (memcmp), the order {@link KeyEncoding} produces. */
    KeyComparator BYTEWISE = Arrays::compareUnsigned;
}
