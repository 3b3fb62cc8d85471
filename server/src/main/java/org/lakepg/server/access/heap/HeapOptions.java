package org.lakepg.server.access.heap;

/**
 * Storage options of a heap: fillfactor (10-100, PostgreSQL's default 100) and the relation id of its out-of-line
 * value store (0 = none: payloads must then fit in a page).
 */
public record HeapOptions(int fillfactor, int toastRelation) {

    public HeapOptions {
        if (fillfactor < 10 || fillfactor > 100) {
            throw new IllegalArgumentException("fillfactor must be between 10 and 100, not " + fillfactor);
        }
    }

    public static HeapOptions defaults(int toastRelation) {
        return new HeapOptions(100, toastRelation);
    }
}
