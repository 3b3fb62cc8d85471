package org.lakepg.server.exec.operator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of one WITH item, shared by all its references: the item's plan is pulled only as far as
 * the furthest reader has read (so {@code LIMIT} over an endless recursive query ends), and every
 * row is kept for the other readers.
 */
public final class CteBuffer {
    private final Iterator<Object[]> source;
    private final List<Object[]> rows = new ArrayList<>();

    public CteBuffer(Iterator<Object[]> source) {
        this.source = source;
    }

    /** A reader from the first row. */
    public Iterator<Object[]> reader() {
        return new RowIterator() {
            int position;

            @Override
            protected Object[] computeNext() {
                if (position < rows.size()) {
                    return rows.get(position++);
                }
                if (!source.hasNext()) {
                    return null;
                }
                rows.add(source.next());
                return rows.get(position++);
            }
        };
    }

    /** Runs the item to its end (data-modifying WITH items always complete). */
    public void drain() {
        while (source.hasNext()) {
            rows.add(source.next());
        }
    }
}
