package org.lakepg.analytics.exec;

import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.plan.PlanNode;

/**
 * GROUP BY with aggregates on one thread: per batch, rows get group ids from a {@link GroupTable}, then every
 * aggregate folds its input vector into per-group state in one loop ({@link AggregateState}). Without GROUP BY there
 * is always exactly one output row.
 */
final class HashAggregateOperator implements BatchSink {

    private final AggregateState state;
    private final BatchSink out;

    HashAggregateOperator(PlanNode.Aggregate node, BatchSink out) {
        this.state = new AggregateState(node);
        this.out = out;
    }

    @Override
    public void accept(Batch batch) {
        state.accept(batch);
    }

    @Override
    public void acceptSelected(Batch batch, int[] positions, int count) {
        state.acceptSelected(batch, positions, count);
    }

    @Override
    public boolean acceptRuns(Batch batch, RowRuns runs) {
        return state.acceptRuns(batch, runs);
    }

    @Override
    public void finish() {
        state.emit(out);
    }
}
