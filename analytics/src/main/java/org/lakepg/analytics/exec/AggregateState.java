package org.lakepg.analytics.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.plan.AggCall;
import org.lakepg.analytics.plan.PlanNode;

/**
 * The groups and per-group aggregate states of one GROUP BY over the batches one thread fed it. It also notes where
 * each group first appeared (the scan's batch number and the row in the batch), so that {@link #merge} can combine
 * the states of several threads into exactly the groups, in exactly the order, one thread would have produced.
 */
final class AggregateState implements BatchSink {

    private final PlanNode.Aggregate node;
    private final GroupTable groups;
    private final Accumulator[] accumulators;
    private int[] ids = new int[0];
    private int[] groupRows = new int[0];
    /** The scan's number of the batch being fed (set by whoever feeds this state). */
    long batchNumber;
    private long[] firstBatch = new long[16];
    private int[] firstRow = new int[16];

    AggregateState(PlanNode.Aggregate node) {
        this(node, new GroupTable(node.input().schema(), node.groupBy()));
    }

    private AggregateState(PlanNode.Aggregate node, GroupTable groups) {
        this.node = node;
        this.groups = groups;
        Schema in = node.input().schema();
        this.accumulators = new Accumulator[node.aggregates().size()];
        for (int a = 0; a < accumulators.length; a++) {
            AggCall call = node.aggregates().get(a);
            accumulators[a] = Accumulator.of(call, call.column() < 0 ? null : in.column(call.column()).type());
        }
    }

    /** Whether the states of several threads can be merged exactly (every aggregate is {@link Accumulator#mergeable}). */
    static boolean mergeable(PlanNode.Aggregate node) {
        // the accumulators alone: a whole state would build a group table per query just to be asked this
        Schema in = node.input().schema();
        for (AggCall call : node.aggregates()) {
            if (!Accumulator.of(call, call.column() < 0 ? null : in.column(call.column()).type()).mergeable()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void accept(Batch batch) {
        accept(batch, null, batch.rowCount());
    }

    /** Rows {@code rows[0..n)} of the batch (a filter's selection, read in place; null: rows 0..n). */
    private void accept(Batch batch, int[] rows, int n) {
        if (ids.length < n) {
            ids = new int[n];
        }
        int before = groups.groupCount();
        groups.assign(batch, rows, n, ids);
        int after = groups.groupCount();
        if (after > before) {
            noteFirstRows(before, after, rows, n);
        }
        boolean counted = after <= n / 8 && countRows(n, after);
        for (int a = 0; a < accumulators.length; a++) {
            AggCall call = node.aggregates().get(a);
            ColumnVector input = call.column() < 0 ? null : batch.column(call.column());
            accumulators[a].ensure(after);
            boolean noNulls = input == null || !input.nulls().hasNulls();
            if (rows == null) {
                if (counted && noNulls) {
                    accumulators[a].addCounted(input, ids, n, groupRows, after);
                } else {
                    accumulators[a].add(input, ids, n);
                }
            } else if (counted && noNulls) {
                accumulators[a].addCountedAt(input, rows, ids, n, groupRows, after);
            } else {
                accumulators[a].addAt(input, rows, ids, n);
            }
        }
    }

    /** Fills {@link #groupRows} with the batch's rows per group (few groups: worth counting once for all). */
    private boolean countRows(int n, int groupCount) {
        if (groupRows.length < groupCount) {
            groupRows = new int[Math.max(groupCount, 16)];
        }
        java.util.Arrays.fill(groupRows, 0, groupCount, 0);
        if (groupCount == 1) {
            groupRows[0] = n;
            return true;
        }
        for (int r = 0; r < n; r++) {
            groupRows[ids[r]]++;
        }
        return true;
    }

    /**
     * The selected rows in place: GROUP BY assigns groups to them and the aggregates read them where they are (those
     * without an in-place loop gather their input column only); without GROUP BY the aggregates add them in one
     * register sum when they all can, otherwise the rows are gathered.
     */
    @Override
    public void acceptSelected(Batch batch, int[] positions, int count) {
        if (!node.groupBy().isEmpty()) {
            accept(batch, positions, count);
            return;
        }
        for (int a = 0; a < accumulators.length; a++) {
            int column = node.aggregates().get(a).column();
            if (!accumulators[a].canAddSelected(column < 0 ? null : batch.column(column), count)) {
                accept(batch.gather(positions, count));
                return;
            }
        }
        if (groups.groupCount() == 0) {
            groups.assign(new Batch(groups.input(), emptyVectors(groups.input()), 0), ids); // the one group
            firstBatch[0] = batchNumber;
            firstRow[0] = 0;
        }
        for (int a = 0; a < accumulators.length; a++) {
            int column = node.aggregates().get(a).column();
            accumulators[a].ensure(1);
            accumulators[a].addSelected(column < 0 ? null : batch.column(column), positions, count);
        }
    }

    /**
     * No GROUP BY: the aggregates read the values of the selected rows straight from the runs when they all can (the
     * runs' test is counted once here for all of them); false (nothing added) otherwise.
     */
    @Override
    public boolean acceptRuns(Batch batch, RowRuns runs) {
        if (!node.groupBy().isEmpty()) {
            return false;
        }
        int rows = runs.rows();
        for (int a = 0; a < accumulators.length; a++) {
            int column = node.aggregates().get(a).column();
            if (!accumulators[a].canAddRuns(column < 0 ? null : batch.column(column), rows)) {
                return false;
            }
        }
        if (groups.groupCount() == 0) {
            groups.assign(new Batch(groups.input(), emptyVectors(groups.input()), 0), ids); // the one group
            firstBatch[0] = batchNumber;
            firstRow[0] = 0;
        }
        // sums first: each counts the rows it adds in its own loop, so a count after them needs no pass of its own
        int selected = -1;
        for (boolean counts : new boolean[] {false, true}) {
            for (int a = 0; a < accumulators.length; a++) {
                if (accumulators[a] instanceof CountAccumulator == counts) {
                    int column = node.aggregates().get(a).column();
                    accumulators[a].ensure(1);
                    selected = accumulators[a].addRuns(column < 0 ? null : batch.column(column), runs, selected);
                }
            }
        }
        return true;
    }

    /** Groups [before, after) are new in this batch: the first row carrying each is where it first appeared. */
    private void noteFirstRows(int before, int after, int[] rows, int n) {
        if (firstBatch.length < after) {
            int capacity = Math.max(after, firstBatch.length * 2);
            firstBatch = Arrays.copyOf(firstBatch, capacity);
            firstRow = Arrays.copyOf(firstRow, capacity);
        }
        Arrays.fill(firstRow, before, after, -1);
        for (int i = 0; i < n; i++) {
            int g = ids[i];
            if (g >= before && firstRow[g] < 0) {
                firstBatch[g] = batchNumber;
                firstRow[g] = rows == null ? i : rows[i]; // the batch's row: selections of two threads compare
            }
        }
    }

    /** A partial state emits nothing; {@link #emit} does once the states are merged. */
    @Override
    public void finish() {
    }

    /** Sends the one output batch (no GROUP BY: always one row, also for no input), then finishes {@code out}. */
    void emit(BatchSink out) {
        if (node.groupBy().isEmpty() && groups.groupCount() == 0) {
            groups.assign(new Batch(groups.input(), emptyVectors(groups.input()), 0), ids); // the one group of no rows
        }
        int count = groups.groupCount();
        List<ColumnVector> vectors = new ArrayList<>(Arrays.asList(groups.keyVectors()));
        for (Accumulator a : accumulators) {
            a.ensure(count);
            vectors.add(a.result(count));
        }
        if (count > 0) {
            out.accept(new Batch(node.schema(), vectors, count));
        }
        out.finish();
    }

    /**
     * One state holding what {@code partials} (fed disjoint batches of one scan) hold together, with the groups in
     * the order of their first appearance in the scan, as a single state fed every batch in order would number them.
     */
    static AggregateState merge(PlanNode.Aggregate node, List<AggregateState> partials) {
        int keys = node.groupBy().size();
        Schema keySchema = node.schema().select(java.util.stream.IntStream.range(0, keys).boxed().toList());
        int total = 0;
        for (AggregateState s : partials) {
            total += s.groups.groupCount();
        }
        // one key column: the merged table gets every group at most once, so its map is sized once, not doubled
        AggregateState merged = new AggregateState(node, new GroupTable(keySchema,
                java.util.stream.IntStream.range(0, keys).boxed().toList(), keys == 1 ? total : 0));
        // every partial group, by first appearance; a group several partials saw comes first where it came first.
        // Each partial numbered its groups in the order they first appeared in the batches it was fed (in scan order),
        // so the order is a merge of the partials' lists, not a sort.
        List<Batch> keyBatches = new ArrayList<>();
        int[] offsets = new int[partials.size()];
        for (int p = 0, offset = 0; p < partials.size(); p++) {
            AggregateState s = partials.get(p);
            offsets[p] = offset;
            offset += s.groups.groupCount();
            keyBatches.add(new Batch(keySchema, Arrays.asList(s.groups.keyVectors()), s.groups.groupCount()));
        }
        int[] positions = firstAppearanceOrder(partials, offsets, total);
        int[] finalIds = new int[total];
        if (total > 0) {
            merged.groups.assign(Vectors.concat(keySchema, keyBatches).gather(positions, total), finalIds);
        }
        int[][] maps = new int[partials.size()][];
        for (int p = 0; p < partials.size(); p++) {
            maps[p] = new int[partials.get(p).groups.groupCount()];
        }
        for (int i = 0; i < total; i++) {
            int p = partialOf(offsets, positions[i]);
            maps[p][positions[i] - offsets[p]] = finalIds[i];
        }
        for (int a = 0; a < merged.accumulators.length; a++) {
            merged.accumulators[a].ensure(merged.groups.groupCount());
            for (int p = 0; p < partials.size(); p++) {
                AggregateState s = partials.get(p);
                merged.accumulators[a].merge(s.accumulators[a], maps[p], s.groups.groupCount());
            }
        }
        return merged;
    }

    /**
     * The partials' groups (partial p's group g as {@code offsets[p] + g}) in order of (batch, row) of first
     * appearance: a merge of the partials' lists, each already in that order (checked; sorted if it is not).
     */
    private static int[] firstAppearanceOrder(List<AggregateState> partials, int[] offsets, int total) {
        int[] order = new int[total];
        int[] cursor = new int[partials.size()];
        for (int i = 0; i < total; i++) {
            int best = -1;
            for (int p = 0; p < partials.size(); p++) {
                if (cursor[p] < partials.get(p).groups.groupCount()
                        && (best < 0 || partials.get(p).firstBefore(cursor[p], partials.get(best), cursor[best]))) {
                    best = p;
                }
            }
            order[i] = offsets[best] + cursor[best]++;
        }
        for (int i = 1; i < total; i++) {
            int p = partialOf(offsets, order[i - 1]);
            int q = partialOf(offsets, order[i]);
            if (partials.get(q).firstBefore(order[i] - offsets[q], partials.get(p), order[i - 1] - offsets[p])) {
                return sortedFirstAppearance(partials, offsets, total);
            }
        }
        return order;
    }

    /** The same order by sorting, for partials whose groups are not numbered in order of first appearance. */
    private static int[] sortedFirstAppearance(List<AggregateState> partials, int[] offsets, int total) {
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int p = partialOf(offsets, a);
            int q = partialOf(offsets, b);
            AggregateState x = partials.get(p);
            AggregateState y = partials.get(q);
            return x.firstBefore(a - offsets[p], y, b - offsets[q]) ? -1
                    : y.firstBefore(b - offsets[q], x, a - offsets[p]) ? 1 : 0;
        });
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /** Whether group g of this state first appeared before group h of {@code other} in the scan. */
    private boolean firstBefore(int g, AggregateState other, int h) {
        return firstBatch[g] != other.firstBatch[h] ? firstBatch[g] < other.firstBatch[h]
                : firstRow[g] < other.firstRow[h];
    }

    /** The partial a merged position belongs to (offsets ascending; a partial may have no groups). */
    private static int partialOf(int[] offsets, int position) {
        int p = offsets.length - 1;
        while (offsets[p] > position) {
            p--;
        }
        return p;
    }

    private static List<ColumnVector> emptyVectors(Schema schema) {
        List<ColumnVector> vectors = new ArrayList<>();
        for (var c : schema.columns()) {
            vectors.add(ColumnVector.nulls(c.type(), 0));
        }
        return vectors;
    }
}
