package org.lakepg.analytics.exec;

import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.BoolVector;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.plan.Expr;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Keeps the rows whose predicate is true: evaluates it on the whole batch, then gathers the selected rows. */
final class FilterOperator implements BatchSink {

    private final Expr predicate;
    private final BatchSink out;

    FilterOperator(Expr predicate, BatchSink out) {
        this.predicate = predicate;
        this.out = out;
    }

    @Override
    public void accept(Batch batch) {
        ColumnVector result = ExprEvaluator.evaluate(predicate, batch);
        if (!(result instanceof BoolVector selection)) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "argument of WHERE must be type boolean, not type %s",
                    result.type().name().toLowerCase());
        }
        int n = batch.rowCount();
        int[] positions = new int[n];
        int count = 0;
        boolean[] values = selection.values();
        if (selection.nulls().hasNulls()) {
            for (int i = 0; i < n; i++) {
                if (values[i] && !selection.isNull(i)) {
                    positions[count++] = i;
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                if (values[i]) {
                    positions[count++] = i;
                }
            }
        }
        if (count == n) {
            out.accept(batch);
        } else if (count > 0) {
            out.accept(batch.gather(positions, count));
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
