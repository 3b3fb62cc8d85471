package org.lakepg.analytics.exec;

import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.plan.Expr;

/**
 * Keeps the rows whose predicate is true: a {@link Selection} vector, handed on as it is (a sink above may aggregate
 * the selected rows in place) or gathered.
 */
final class FilterOperator implements BatchSink {

    private final Expr predicate;
    private final BatchSink out;
    /** The selection vector, reused batch after batch (gather copies what it needs). */
    private int[] positions = new int[0];
    /** The selection as runs, reused likewise. */
    private final RowRuns runs = new RowRuns();

    FilterOperator(Expr predicate, BatchSink out) {
        this.predicate = predicate;
        this.out = out;
    }

    @Override
    public void accept(Batch batch) {
        int n = batch.rowCount();
        if (positions.length < n) {
            positions = new int[n];
        }
        int count;
        if (Selection.selectRuns(predicate, batch, runs)) {
            if (runs.count() == 0 || out.acceptRuns(batch, runs)) {
                return;
            }
            count = runs.positions(positions);
        } else {
            count = Selection.select(predicate, batch, positions);
        }
        if (count == n) {
            out.accept(batch);
        } else if (count > 0) {
            out.acceptSelected(batch, positions, count);
        }
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
