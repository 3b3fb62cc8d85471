package org.lakepg.server.function.srf;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/** Small helpers for writing row generators. */
final class RowIterators {
    private RowIterators() {}

    /** Rows from a generator that returns null at the end. */
    static Iterator<Object[]> generate(Supplier<Object[]> next) {
        return new Iterator<>() {
            Object[] pending;
            boolean done;

            @Override
            public boolean hasNext() {
                if (pending == null && !done) {
                    pending = next.get();
                    done = pending == null;
                }
                return pending != null;
            }

            @Override
            public Object[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object[] row = pending;
                pending = null;
                return row;
            }
        };
    }

    /** One-column rows of the values. */
    static Iterator<Object[]> single(List<?> values) {
        return values.stream().map(v -> new Object[] {v}).iterator();
    }
}
