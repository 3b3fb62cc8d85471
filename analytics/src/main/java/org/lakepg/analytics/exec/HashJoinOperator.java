package org.lakepg.analytics.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.plan.PlanNode;

/**
 * Probes the hash table of the (already built) right input with each left batch; the output rows are gathered by
 * position from both sides at once. LEFT joins pad unmatched left rows with NULLs (position -1).
 */
final class HashJoinOperator implements BatchSink {

    private final PlanNode.HashJoin node;
    private final Schema outSchema;
    private final Batch build;
    private final Map<Object, int[]> table = new HashMap<>();
    private final JoinKeys probeKeys;
    private final BatchSink out;

    HashJoinOperator(PlanNode.HashJoin node, Batch build, BatchSink out) {
        this.node = node;
        this.outSchema = node.schema();
        this.build = build;
        this.out = out;
        int[] leftCols = node.leftKeys().stream().mapToInt(Integer::intValue).toArray();
        int[] rightCols = node.rightKeys().stream().mapToInt(Integer::intValue).toArray();
        PgType[] leftTypes = new PgType[leftCols.length];
        PgType[] rightTypes = new PgType[rightCols.length];
        for (int k = 0; k < leftCols.length; k++) {
            leftTypes[k] = node.left().schema().column(leftCols[k]).type();
            rightTypes[k] = node.right().schema().column(rightCols[k]).type();
        }
        this.probeKeys = new JoinKeys(leftCols, leftTypes, rightTypes);
        JoinKeys buildKeys = new JoinKeys(rightCols, rightTypes, leftTypes);
        ColumnVector[] vectors = buildKeys.vectors(build);
        // key -> build rows, in build order (int[] with the count in slot 0, grown by doubling)
        for (int r = 0; r < build.rowCount(); r++) {
            Object key = buildKeys.keyOf(vectors, r);
            if (key == null) {
                continue;
            }
            int[] rows = table.get(key);
            if (rows == null) {
                rows = new int[4];
            } else if (rows[0] + 1 == rows.length) {
                rows = Arrays.copyOf(rows, rows.length * 2);
            }
            rows[++rows[0]] = r;
            table.put(key, rows);
        }
    }

    @Override
    public void accept(Batch probe) {
        ColumnVector[] vectors = probeKeys.vectors(probe);
        int capacity = Math.max(16, probe.rowCount());
        int[] leftPos = new int[capacity];
        int[] rightPos = new int[capacity];
        int count = 0;
        boolean left = node.type() == PlanNode.JoinType.LEFT;
        for (int r = 0; r < probe.rowCount(); r++) {
            Object key = probeKeys.keyOf(vectors, r);
            int[] matches = key == null ? null : table.get(key);
            int matchCount = matches == null ? 0 : matches[0];
            if (matchCount == 0 && !left) {
                continue;
            }
            int needed = count + Math.max(1, matchCount);
            if (needed > leftPos.length) {
                leftPos = Arrays.copyOf(leftPos, Math.max(needed, leftPos.length * 2));
                rightPos = Arrays.copyOf(rightPos, leftPos.length);
            }
            if (matchCount == 0) {
                leftPos[count] = r;
                rightPos[count++] = -1;
            } else {
                for (int m = 1; m <= matchCount; m++) {
                    leftPos[count] = r;
                    rightPos[count++] = matches[m];
                }
            }
        }
        if (count == 0) {
            return;
        }
        List<ColumnVector> columns = new ArrayList<>(outSchema.size());
        for (ColumnVector v : probe.columns()) {
            columns.add(v.gather(leftPos, count));
        }
        for (ColumnVector v : build.columns()) {
            columns.add(v.gather(rightPos, count));
        }
        out.accept(new Batch(outSchema, columns, count));
    }

    @Override
    public void finish() {
        out.finish();
    }

    @Override
    public boolean done() {
        return out.done();
    }
}
