package org.lakepg.analytics.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.plan.SortKey;

/**
 * ORDER BY: collects the input, sorts row positions, emits in order. With a limit it keeps only the best N rows
 * of each batch (a bounded heap), so top-N needs memory for N rows, not for the input.
 */
final class SortOperator implements BatchSink {

    private static final int OUTPUT_BATCH = 8192;

    private final Schema schema;
    private final List<SortKey> keys;
    private final OptionalLong limit;
    private final BatchSink out;
    private final List<Batch> input = new ArrayList<>();

    SortOperator(Schema schema, List<SortKey> keys, OptionalLong limit, BatchSink out) {
        this.schema = schema;
        this.keys = keys;
        this.limit = limit;
        this.out = out;
    }

    @Override
    public void accept(Batch batch) {
        if (limit.isPresent()) {
            // keep the running top N small: fold the batch into what was kept so far
            input.add(batch);
            Batch all = Vectors.concat(schema, input);
            input.clear();
            input.add(topN(all, (int) Math.min(limit.getAsLong(), Integer.MAX_VALUE)));
        } else {
            input.add(batch);
        }
    }

    private Batch topN(Batch all, int n) {
        if (all.rowCount() <= n) {
            return all;
        }
        RowComparator cmp = new RowComparator(all, keys);
        // max-heap of the n smallest rows (ties broken by position, so the earliest rows win, as a stable sort)
        PriorityQueue<Integer> heap = new PriorityQueue<>(n + 1, (a, b) -> {
            int c = cmp.compare(b, a);
            return c != 0 ? c : Integer.compare(b, a);
        });
        for (int r = 0; r < all.rowCount(); r++) {
            heap.add(r);
            if (heap.size() > n) {
                heap.poll();
            }
        }
        int[] positions = heap.stream().mapToInt(Integer::intValue).sorted().toArray();
        return all.gather(positions, positions.length);
    }

    @Override
    public void finish() {
        Batch all = input.isEmpty() ? null : Vectors.concat(schema, input);
        input.clear();
        if (all != null && all.rowCount() > 0) {
            RowComparator cmp = new RowComparator(all, keys);
            Integer[] order = new Integer[all.rowCount()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> cmp.compare(a, b)); // stable merge sort
            int total = (int) Math.min(order.length, limit.orElse(Long.MAX_VALUE));
            for (int from = 0; from < total && !out.done(); from += OUTPUT_BATCH) {
                int count = Math.min(OUTPUT_BATCH, total - from);
                int[] positions = new int[count];
                for (int i = 0; i < count; i++) {
                    positions[i] = order[from + i];
                }
                out.accept(all.gather(positions, count));
            }
        }
        out.finish();
    }
}
