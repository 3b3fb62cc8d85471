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

    /** What the operator reports about its run ("Sort Method" → "quicksort  Memory: 25kB"), in order. */
    final java.util.Map<String, String> details = new java.util.LinkedHashMap<>();

    /** Records a line EXPLAIN ANALYZE prints under the node; a later run of the node replaces it. */
    public void detail(String name, String value) {
        details.put(name, value);
    }
}
