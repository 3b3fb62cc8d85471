package org.lakepg.server.exec.operator;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Supplier;
import org.lakepg.server.exec.ExecContext;

/**
 * Merges inputs that are each in one order into one stream in that order (PostgreSQL's MergeAppend: a binary heap of
 * each input's next row). On equal keys the earlier input goes first, so the merge is stable by input order.
 */
final class MergeAppend extends RowIterator {
    private record Head(Object[] row, int input) {}

    private final List<Supplier<Iterator<Object[]>>> openers;
    private final Iterator<Object[]>[] inputs;
    private final PriorityQueue<Head> heap;
    private final ExecContext context;
    private boolean started;
    /** The input whose row went out last: its next row is read only when another row is asked for, as ExecMergeAppend. */
    private int pending = -1;

    @SuppressWarnings("unchecked")
    MergeAppend(List<Supplier<Iterator<Object[]>>> openers, Comparator<Object[]> order, ExecContext context) {
        this.openers = openers;
        this.inputs = new Iterator[openers.size()];
        this.context = context;
        this.heap = new PriorityQueue<>(Math.max(1, openers.size()),
                Comparator.comparing(Head::row, order).thenComparingInt(Head::input));
    }

    private void refill(int input) {
        Iterator<Object[]> rows = inputs[input];
        if (rows.hasNext()) {
            heap.add(new Head(rows.next(), input));
        }
    }

    @Override
    protected Object[] computeNext() {
        context.checkCancelled();
        if (!started) {
            started = true;
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = openers.get(i).get();
                refill(i);
            }
        } else if (pending >= 0) {
            refill(pending);
        }
        Head head = heap.poll();
        if (head == null) {
            return null;
        }
        pending = head.input();
        return head.row();
    }
}
