package org.lakepg.server.exec.operator;

import java.util.Iterator;
import java.util.function.UnaryOperator;

/**
 * A data-modifying WITH item's rows as PostgreSQL's ModifyTable returns them: each input row is written only when
 * a reader asks for the next RETURNING row, so the item's writes interleave with those of the query reading it
 * (with.sql's forward-referencing INSERT over an UPDATE of the same table). The statement-end work (deferred
 * checks, AFTER STATEMENT triggers) runs once the input is exhausted.
 */
final class LazyModify {
    private LazyModify() {
    }

    /** {@code write} returns a row's RETURNING values, or null when the row was skipped. */
    static Iterator<Object[]> rows(Iterator<Object[]> input, UnaryOperator<Object[]> write, Runnable finish) {
        return new RowIterator() {
            private boolean finished;

            @Override
            protected Object[] computeNext() {
                while (!finished && input.hasNext()) {
                    Object[] result = write.apply(input.next());
                    if (result != null) {
                        return result;
                    }
                }
                if (!finished) {
                    finished = true;
                    finish.run();
                }
                return null;
            }
        };
    }
}
