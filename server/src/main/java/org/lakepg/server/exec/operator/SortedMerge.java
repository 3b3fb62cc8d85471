package org.lakepg.server.exec.operator;

import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Merges two sorted streams into one sorted stream: the groups a hash table kept in memory with the groups of the
 * rows it spilled (sorted on disk), which are disjoint, so the operator's output stays in key order.
 */
final class SortedMerge<T> implements Iterator<T> {
    private final Iterator<T> left;
    private final Iterator<T> right;
    private final Comparator<? super T> order;
    private T nextLeft;
    private T nextRight;

    SortedMerge(Iterator<T> left, Iterator<T> right, Comparator<? super T> order) {
        this.left = left;
        this.right = right;
        this.order = order;
        nextLeft = left.hasNext() ? left.next() : null;
        nextRight = right.hasNext() ? right.next() : null;
    }

    @Override
    public boolean hasNext() {
        return nextLeft != null || nextRight != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T out;
        if (nextRight == null || nextLeft != null && order.compare(nextLeft, nextRight) <= 0) {
            out = nextLeft;
            nextLeft = left.hasNext() ? left.next() : null;
        } else {
            out = nextRight;
            nextRight = right.hasNext() ? right.next() : null;
        }
        return out;
    }
}
