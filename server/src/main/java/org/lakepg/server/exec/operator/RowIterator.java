package org.lakepg.server.exec.operator;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An iterator whose subclasses only say how to compute the next row, or null at the end. */
public abstract class RowIterator implements Iterator<Object[]> {
    private Object[] next;
    private boolean done;

    /** The next row, or null when there are no more. */
    protected abstract Object[] computeNext();

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            next = computeNext();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public final Object[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object[] row = next;
        next = null;
        return row;
    }
}
