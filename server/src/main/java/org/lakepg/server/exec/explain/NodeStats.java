package org.lakepg.server.exec.explain;

/** What EXPLAIN ANALYZE measured for one plan node: how often it was opened, rows it returned, time spent. */
public final class NodeStats {
    long loops;
    long rows;
    long firstRowNanos = -1;
    long totalNanos;

    public void opened() {
        loops++;
    }

    public void produced(long elapsedNanos) {
        if (firstRowNanos < 0) {
            firstRowNanos = totalNanos + elapsedNanos;
        }
        rows++;
        totalNanos += elapsedNanos;
    }

    public void spent(long elapsedNanos) {
        totalNanos += elapsedNanos;
    }

    /** A memoized inner side's: outer rows whose key was remembered, and those that ran the side. */
    long cacheHits;
    long cacheMisses;
    /** The rows the cache holds, and those the Memoize returned (from the cache or its side). */
    long cachedRows;
    long cacheReturned;

    public void cacheHit(long rows) {
        cacheHits++;
        cacheReturned += rows;
    }

    public void cacheMiss(long rows, boolean kept) {
        cacheMisses++;
        cacheReturned += rows;
        cachedRows += kept ? rows : 0;
    }

    /** A bitmap heap scan's: the tuple ids its Bitmap Index Scan found, over all its runs. */
    long bitmapEntries;

    public void bitmapEntries(long found) {
        bitmapEntries += found;
    }

    /** The measurements of the Bitmap Index Scan below a Bitmap Heap Scan measured as {@code heap}. */
    static NodeStats bitmapIndexPart(NodeStats heap) {
        if (heap == null) {
            return null;
        }
        NodeStats part = new NodeStats();
        part.loops = heap.loops;
        part.rows = heap.bitmapEntries;
        return part;
    }

    /** A BitmapOr's run: PostgreSQL counts no rows for it (its bitmap is not a row set). */
    static NodeStats bitmapOrPart(NodeStats heap) {
        NodeStats part = bitmapIndexPart(heap);
        if (part != null) {
            part.rows = 0;
        }
        return part;
    }

        /** What the operator reports about its run ("Sort Method" → "quicksort  Memory: 25kB"), in order. */
    final java.util.Map<String, String> details = new java.util.LinkedHashMap<>();

    /** Records a line EXPLAIN ANALYZE prints under the node; a later run of the node replaces it. */
    public void detail(String name, String value) {
        details.put(name, value);
    }
}
