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
}
