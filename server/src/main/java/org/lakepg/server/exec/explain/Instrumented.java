package org.lakepg.server.exec.explain;

import java.util.Iterator;

/** Wraps an operator to count its rows and time for EXPLAIN ANALYZE. */
public final class Instrumented implements Iterator<Object[]> {
    private final Iterator<Object[]> inner;
    private final NodeStats stats;

    public Instrumented(Iterator<Object[]> inner, NodeStats stats) {
        this.inner = inner;
        this.stats = stats;
        stats.opened();
    }

    @Override
    public boolean hasNext() {
        long start = System.nanoTime();
        boolean has = inner.hasNext();
        stats.spent(System.nanoTime() - start);
        return has;
    }

    @Override
    public Object[] next() {
        long start = System.nanoTime();
        Object[] row = inner.next();
        stats.produced(System.nanoTime() - start);
        return row;
    }
}
