package org.lakepg.analytics.exec;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.plan.AggCall;
import org.lakepg.analytics.plan.PlanNode;

/**
 * GROUP BY with aggregates: per batch, rows get group ids from a {@link GroupTable}, then every aggregate folds
 * its input vector into per-group state in one loop. Without GROUP BY there is always exactly one output row.
 */
final class HashAggregateOperator implements BatchSink {

    private final PlanNode.Aggregate node;
    private final Schema outSchema;
    private final GroupTable groups;
    private final Accumulator[] accumulators;
    private final BatchSink out;
    private int[] ids = new int[0];

    HashAggregateOperator(PlanNode.Aggregate node, BatchSink out) {
        this.node = node;
        this.out = out;
        Schema in = node.input().schema();
        this.outSchema = node.schema();
        this.groups = new GroupTable(in, node.groupBy());
        this.accumulators = new Accumulator[node.aggregates().size()];
        for (int a = 0; a < accumulators.length; a++) {
            AggCall call = node.aggregates().get(a);
            accumulators[a] = Accumulator.of(call, call.column() < 0 ? null : in.column(call.column()).type());
        }
    }

    @Override
    public void accept(Batch batch) {
        int n = batch.rowCount();
        if (ids.length < n) {
            ids = new int[n];
        }
        groups.assign(batch, ids);
        for (int a = 0; a < accumulators.length; a++) {
            AggCall call = node.aggregates().get(a);
            accumulators[a].ensure(groups.groupCount());
            accumulators[a].add(call.column() < 0 ? null : batch.column(call.column()), ids, n);
        }
    }

    @Override
    public void finish() {
        if (node.groupBy().isEmpty() && groups.groupCount() == 0) {
            groups.assign(new Batch(node.input().schema(), emptyVectors(), 0), ids); // the one group of no rows
        }
        int count = groups.groupCount();
        List<ColumnVector> vectors = new ArrayList<>();
        for (ColumnVector key : groups.keyVectors()) {
            vectors.add(key);
        }
        for (Accumulator a : accumulators) {
            a.ensure(count);
            vectors.add(a.result(count));
        }
        if (count > 0) {
            out.accept(new Batch(outSchema, vectors, count));
        }
        out.finish();
    }

    private List<ColumnVector> emptyVectors() {
        List<ColumnVector> vectors = new ArrayList<>();
        for (var c : node.input().schema().columns()) {
            vectors.add(ColumnVector.nulls(c.type(), 0));
        }
        return vectors;
    }
}
