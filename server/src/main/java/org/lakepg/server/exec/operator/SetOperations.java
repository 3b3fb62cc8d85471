package org.lakepg.server.exec.operator;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.spill.RowSize;
import org.lakepg.server.sql.plan.SetOpNode;

/**
 * UNION / INTERSECT / EXCEPT with and without ALL, by counting equal rows on each side
 * (PostgreSQL's SetOp semantics; NULLs are not distinct from each other). Output follows the
 * comparator's order. Once the distinct rows fill hash_mem, rows not yet counted are spilled with their side,
 * sorted, and counted group by group; both streams are in order, so they merge.
 */
final class SetOperations {
    private SetOperations() {}

    /** A distinct row and how often each side produced it. */
    private record Counted(Object[] row, long[] counts) {}

    static Iterator<Object[]> open(SetOpNode node, Iterator<Object[]> left, Iterator<Object[]> right,
                                   RowComparator order, ExecContext context) {
        Map<Object[], long[]> counts = new TreeMap<>(order);
        long limit = context.memoryLimits().hashMemBytes();
        long[] memory = {0};
        RowSorter[] spilled = {null};
        for (int side = 0; side < 2; side++) {
            Iterator<Object[]> input = side == 0 ? left : right;
            while (input.hasNext()) {
                context.checkCancelled();
                Object[] row = input.next();
                long[] c = counts.get(row);
                if (c == null) {
                    if (spilled[0] != null) {
                        Object[] tagged = Arrays.copyOf(row, row.length + 1);
                        tagged[row.length] = side;
                        spilled[0].add(tagged);
                        continue;
                    }
                    c = new long[2];
                    counts.put(row, c);
                    memory[0] += RowSize.of(row) + 96;
                    if (memory[0] > limit) {
                        spilled[0] = new RowSorter(order, context.memoryLimits().workMemBytes(), -1, context);
                    }
                }
                c[side]++;
            }
        }
        Iterator<Counted> inMemory = counts.entrySet().stream().map(e -> new Counted(e.getKey(), e.getValue())).iterator();
        Iterator<Counted> all = spilled[0] == null ? inMemory
                : new SortedMerge<>(inMemory, counted(spilled[0].sorted(), order), (a, b) -> order.compare(a.row(), b.row()));
        return new RowIterator() {
            Object[] current;
            long remaining;

            @Override
            protected Object[] computeNext() {
                while (remaining == 0) {
                    if (!all.hasNext()) {
                        return null;
                    }
                    Counted c = all.next();
                    long l = c.counts()[0];
                    long r = c.counts()[1];
                    current = c.row();
                    remaining = switch (node.kind()) {
                        case UNION -> node.all() ? l + r : 1;
                        case INTERSECT -> node.all() ? Math.min(l, r) : (l > 0 && r > 0 ? 1 : 0);
                        case EXCEPT -> node.all() ? Math.max(l - r, 0) : (l > 0 && r == 0 ? 1 : 0);
                    };
                }
                remaining--;
                return current;
            }
        };
    }

    /** Sorted spilled rows (row then side) as distinct rows with their counts per side. */
    private static Iterator<Counted> counted(Iterator<Object[]> sorted, RowComparator order) {
        return new Iterator<>() {
            Object[] pending = sorted.hasNext() ? sorted.next() : null;

            @Override
            public boolean hasNext() {
                return pending != null;
            }

            @Override
            public Counted next() {
                if (pending == null) {
                    throw new NoSuchElementException();
                }
                Object[] first = pending;
                long[] c = new long[2];
                do {
                    c[(Integer) pending[pending.length - 1]]++;
                    pending = sorted.hasNext() ? sorted.next() : null;
                } while (pending != null && order.compare(first, pending) == 0);
                return new Counted(Arrays.copyOf(first, first.length - 1), c);
            }
        };
    }
}
