package org.lakepg.server.exec.operator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.exec.spill.RowSize;
import org.lakepg.server.exec.spill.SpillFile;
import org.lakepg.server.sql.plan.HashLookupNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;

/**
 * The hash join: a nested loop whose inner side is a {@link HashLookupNode} probed with the outer row's values, one
 * per key column (inner and left joins). When the inner rows fit in hash_mem the table is built once per statement and probed row
 * by row. Beyond it, the join runs in batches like PostgreSQL's: inner and outer rows are partitioned by the key's
 * hash into batch files, batch 0 stays in memory and is joined while the outer side streams, then every other batch
 * is loaded and joined in turn (a batch still too large is partitioned again by other hash bits).
 * A right or full join (the hashed side preserved) emits the hashed rows no outer row matched once the outer rows of
 * their table (or batch) are through; rows with a NULL key are kept under a key no probe finds for that.
 */
final class HashJoin {
    private HashJoin() {}

    /** Batches per partitioning step. */
    private static final int FAN_OUT = 32;
    /** Partitioning steps at most; beyond, a batch of one heavily repeated key is joined in memory whatever its size. */
    private static final int MAX_LEVELS = 4;

    /** The key of hashed rows with a NULL key: equal to no probe, kept only when a right or full join needs them. */
    private static final Object NULL_KEY = new Object();

    /** Whether the join is one HashJoin runs: a hash lookup probed with the outer row's values. */
    static boolean applies(NestedLoopJoinNode j) {
        return j.hashed();
    }

    /** Whether the join keeps the hashed rows no outer row matched (the hashed side is preserved). */
    private static boolean keepsInner(NestedLoopJoinNode.Kind kind) {
        return kind == NestedLoopJoinNode.Kind.RIGHT || kind == NestedLoopJoinNode.Kind.FULL;
    }

    /** A hashed row's key in the table: with a NULL value, the NULL key when the join keeps such rows, else none. */
    private static Object tableKey(Object[] row, List<Integer> keyColumns, boolean keepNulls) {
        Object key = HashLookup.rowKey(row, keyColumns);
        return key == null && keepNulls ? NULL_KEY : key;
    }

    /** The key an outer row probes the table with: null when it has a NULL value (it matches nothing). */
    @FunctionalInterface
    interface ProbeKey {
        Object of(Object[] outerRow);
    }

    /** The probe key of the outer row's values {@code values} (the join's lateral values, in key order). */
    static ProbeKey probeKey(CompiledExpr[] values, ExecContext context) {
        if (values.length == 1) { // the common case: no array per probed row
            CompiledExpr value = values[0];
            return row -> {
                Object v = value.eval(row, context);
                return v == null ? null : HashLookup.normalize(v);
            };
        }
        return row -> {
            Object[] evaluated = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                evaluated[i] = values[i].eval(row, context);
            }
            return HashLookup.probeKey(evaluated);
        };
    }

    static Iterator<Object[]> open(NestedLoopJoinNode node, Iterator<Object[]> left, Supplier<Iterator<Object[]>> inner,
                                   ProbeKey probeValue, CompiledExpr condition, ExecContext context) {
        HashLookupNode lookup = (HashLookupNode) node.right();
        boolean keep = context.keepsHashTable(lookup);
        Map<Object, List<Object[]>> cached = keep ? context.cachedHashTable(lookup) : null;
        Build build = cached != null ? new Build(cached, null, 0, 0)
                : build(lookup, inner.get(), keepsInner(node.kind()), context);
        if (build.batches() == null && cached == null && keep) {
            context.cacheHashTable(lookup, build.table());
        }
        var stats = context.statsFor(lookup);
        if (stats != null && cached == null) {
            // the Hash node's line: built once, its rows are the inner side's
            stats.opened();
            for (long i = 0; i < build.rows(); i++) {
                stats.produced(0);
            }
            stats.detail("Buckets", Integer.highestOneBit(Math.max(1024, build.table().size() * 2 - 1)) + "  Batches: "
                    + (build.batches() == null ? 1 : FAN_OUT) + "  Memory Usage: " + RowSorter.kilobytes(build.memory()) + "kB");
        }
        Joiner joiner = new Joiner(node, condition, context);
        if (build.batches() == null) {
            return joiner.join(left, probeValue, build.table());
        }
        return batched(build, left, probeValue, joiner, context);
    }

    /** The inner rows: all in {@code table}, or batch 0 there (or in batches[0]) and the others in {@code batches}. */
    private record Build(Map<Object, List<Object[]>> table, SpillFile[] batches, long memory, long rows) {}

    private static Build build(HashLookupNode lookup, Iterator<Object[]> rows, boolean keepNulls, ExecContext context) {
        long limit = context.memoryLimits().hashMemBytes();
        // a right or full join emits its unmatched hashed rows in the order they came (by key, first seen first)
        Map<Object, List<Object[]>> table = keepNulls ? new LinkedHashMap<>() : new HashMap<>();
        SpillFile[] batches = null;
        long memory = 0;
        long count = 0;
        long peak = 0;
        while (rows.hasNext()) {
            context.checkCancelled();
            Object[] row = rows.next();
            count++;
            Object key = tableKey(row, lookup.keyColumns(), keepNulls);
            if (key == null) {
                continue; // never equal to anything
            }
            int batch = batches == null ? 0 : batchOf(key, 0);
            if (batch != 0 || batches != null && batches[0] != null) {
                batches[batch].write(row);
                continue;
            }
            table.computeIfAbsent(key, k -> new ArrayList<>(1)).add(row);
            memory += RowSize.of(row) + 64;
            peak = Math.max(peak, memory);
            if (memory > limit && batches == null) {
                batches = newBatches(context);
                memory = moveOut(table, batches, 0, memory);
            } else if (memory > limit) {
                // batch 0 alone outgrew hash_mem: it goes to a file too and is joined (and split) like the others
                batches[0] = context.tempFiles().create();
                for (List<Object[]> same : table.values()) {
                    same.forEach(batches[0]::write);
                }
                table.clear();
                memory = 0;
            }
        }
        return new Build(table, batches, peak, count);
    }

    private static SpillFile[] newBatches(ExecContext context) {
        SpillFile[] files = new SpillFile[FAN_OUT];
        for (int i = 1; i < FAN_OUT; i++) {
            files[i] = context.tempFiles().create();
        }
        return files;
    }

    /** Writes the rows of the table that belong to other batches than 0 to their files; returns the memory left. */
    private static long moveOut(Map<Object, List<Object[]>> table, SpillFile[] batches, int level, long memory) {
        var it = table.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            int batch = batchOf(e.getKey(), level);
            if (batch != 0) {
                for (Object[] row : e.getValue()) {
                    batches[batch].write(row);
                    memory -= RowSize.of(row) + 64;
                }
                it.remove();
            }
        }
        return memory;
    }

    /** The batch of a key at a partitioning level: other bits of a mixed hash at each level. */
    private static int batchOf(Object key, int level) {
        int h = key.hashCode() * 0x9E3779B9;
        h ^= h >>> 16;
        return (h >>> (level * 5)) & (FAN_OUT - 1);
    }

    private static Iterator<Object[]> batched(Build build, Iterator<Object[]> left, ProbeKey probeValue,
                                              Joiner joiner, ExecContext context) {
        SpillFile[] outerBatches = newBatches(context);
        boolean batch0OnDisk = build.batches()[0] != null;
        if (batch0OnDisk) {
            outerBatches[0] = context.tempFiles().create();
        }
        // batch 0 is joined while the outer rows stream; the others' outer rows wait in their files
        Iterator<Object[]> outerOfBatch0 = new RowIterator() {
            @Override
            protected Object[] computeNext() {
                while (left.hasNext()) {
                    context.checkCancelled();
                    Object[] row = left.next();
                    Object key = probeValue.of(row);
                    int batch = key == null ? 0 : batchOf(key, 0);
                    if (batch == 0 && !batch0OnDisk) {
                        return row;
                    }
                    outerBatches[batch].write(row);
                }
                return null;
            }
        };
        List<Iterator<Object[]>> parts = new ArrayList<>();
        parts.add(joiner.join(outerOfBatch0, probeValue, build.table()));
        for (int b = batch0OnDisk ? 0 : 1; b < FAN_OUT; b++) {
            int batch = b;
            parts.add(lazily(() -> joinFiles(build.batches()[batch], outerBatches[batch], 1, probeValue, joiner, context)));
        }
        return concat(parts);
    }

    /** Joins one batch: its inner rows in a table (partitioned again while they exceed hash_mem), its outer rows probed. */
    private static Iterator<Object[]> joinFiles(SpillFile innerFile, SpillFile outerFile, int level,
                                                ProbeKey probeValue, Joiner joiner, ExecContext context) {
        List<Integer> keyColumns = joiner.lookup.keyColumns();
        boolean keepNulls = joiner.keepRight;
        if (innerFile.size() > context.memoryLimits().hashMemBytes() && level < MAX_LEVELS) {
            SpillFile[] inner = new SpillFile[FAN_OUT];
            SpillFile[] outer = new SpillFile[FAN_OUT];
            for (int i = 0; i < FAN_OUT; i++) {
                inner[i] = context.tempFiles().create();
                outer[i] = context.tempFiles().create();
            }
            innerFile.read().forEachRemaining(row -> inner[batchOf(tableKey(row, keyColumns, true), level)].write(row));
            innerFile.delete();
            outerFile.read().forEachRemaining(row -> {
                context.checkCancelled();
                Object key = probeValue.of(row);
                outer[key == null ? 0 : batchOf(key, level)].write(row);
            });
            outerFile.delete();
            List<Iterator<Object[]>> parts = new ArrayList<>();
            for (int i = 0; i < FAN_OUT; i++) {
                int batch = i;
                parts.add(lazily(() -> joinFiles(inner[batch], outer[batch], level + 1, probeValue, joiner, context)));
            }
            return concat(parts);
        }
        Map<Object, List<Object[]>> table = keepNulls ? new LinkedHashMap<>() : new HashMap<>();
        Iterator<Object[]> rows = innerFile.read();
        while (rows.hasNext()) {
            context.checkCancelled();
            Object[] row = rows.next();
            table.computeIfAbsent(tableKey(row, keyColumns, true), k -> new ArrayList<>(1)).add(row);
        }
        innerFile.delete();
        Iterator<Object[]> outerRows = outerFile.read();
        Iterator<Object[]> joined = joiner.join(outerRows, probeValue, table);
        return new RowIterator() {
            @Override
            protected Object[] computeNext() {
                if (joined.hasNext()) {
                    return joined.next();
                }
                outerFile.delete();
                return null;
            }
        };
    }

    private static Iterator<Object[]> lazily(Supplier<Iterator<Object[]>> open) {
        return new RowIterator() {
            Iterator<Object[]> it;

            @Override
            protected Object[] computeNext() {
                if (it == null) {
                    it = open.get();
                }
                return it.hasNext() ? it.next() : null;
            }
        };
    }

    private static Iterator<Object[]> concat(List<Iterator<Object[]>> parts) {
        Iterator<Iterator<Object[]>> each = parts.iterator();
        return new RowIterator() {
            Iterator<Object[]> current = Collections.emptyIterator();

            @Override
            protected Object[] computeNext() {
                while (!current.hasNext()) {
                    if (!each.hasNext()) {
                        return null;
                    }
                    current = each.next();
                }
                return current.next();
            }
        };
    }

    /** Probes a table with outer rows: matches that pass the join condition, and unmatched rows of a left join. */
    private static final class Joiner {
        final HashLookupNode lookup;
        final CompiledExpr condition;
        final ExecContext context;
        final int leftWidth;
        final int rightWidth;
        final boolean keepLeft;
        final boolean keepRight;
        final NestedLoopJoinNode.Kind kind;

        Joiner(NestedLoopJoinNode node, CompiledExpr condition, ExecContext context) {
            this.lookup = (HashLookupNode) node.right();
            this.condition = condition;
            this.context = context;
            this.leftWidth = node.left().width();
            this.rightWidth = node.right().width();
            this.keepLeft = node.kind() == NestedLoopJoinNode.Kind.LEFT || node.kind() == NestedLoopJoinNode.Kind.FULL;
            this.keepRight = keepsInner(node.kind());
            this.kind = node.kind();
        }

        Iterator<Object[]> join(Iterator<Object[]> outer, ProbeKey probeValue, Map<Object, List<Object[]>> table) {
            return new RowIterator() {
                Object[] current;
                List<Object[]> matches = List.of();
                int position;
                boolean matched;
                /** The hashed rows some outer row matched (right and full joins). */
                final Map<Object[], Boolean> innerMatched = keepRight ? new IdentityHashMap<>() : null;
                /** The unmatched hashed rows, once the outer rows are through. */
                Iterator<Object[]> unmatched;

                @Override
                protected Object[] computeNext() {
                    while (true) {
                        context.checkCancelled();
                        if (unmatched != null) {
                            return unmatched.hasNext() ? combine(new Object[leftWidth], unmatched.next()) : null;
                        }
                        while (position < matches.size()) {
                            // PostgreSQL puts each inner row at the head of its bucket: equal keys come out last first
                            Object[] innerRow = matches.get(matches.size() - 1 - position++);
                            Object[] row = combine(current, innerRow);
                            if (condition == null || Boolean.TRUE.equals(condition.eval(row, context))) {
                                matched = true;
                                if (innerMatched != null) {
                                    innerMatched.put(innerRow, Boolean.TRUE);
                                }
                                if (kind.leftOnly()) {
                                    position = matches.size(); // the first match decides a semi or anti join
                                    break;
                                }
                                return row;
                            }
                        }
                        if (current != null) {
                            Object[] leftRow = current;
                            current = null;
                            if (keepLeft && !matched) {
                                return combine(leftRow, new Object[rightWidth]);
                            }
                            if (kind == NestedLoopJoinNode.Kind.SEMI && matched
                                    || kind == NestedLoopJoinNode.Kind.ANTI && !matched) {
                                return leftRow;
                            }
                        }
                        if (!outer.hasNext()) {
                            if (innerMatched == null) {
                                return null;
                            }
                            unmatched = table.values().stream().flatMap(List::stream)
                                    .filter(r -> !innerMatched.containsKey(r)).iterator();
                            continue;
                        }
                        current = outer.next();
                        Object key = probeValue.of(current);
                        matches = key == null ? List.of() : table.getOrDefault(key, List.of());
                        position = 0;
                        matched = false;
                    }
                }
            };
        }

        private Object[] combine(Object[] l, Object[] r) {
            Object[] out = new Object[leftWidth + rightWidth];
            System.arraycopy(l, 0, out, 0, leftWidth);
            System.arraycopy(r, 0, out, leftWidth, rightWidth);
            return out;
        }
    }
}
