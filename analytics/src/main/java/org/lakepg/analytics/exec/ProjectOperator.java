package org.lakepg.analytics.exec;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.plan.Expr;

/** Computes the output columns, one vectorized expression each. */
final class ProjectOperator implements BatchSink {

    private final List<Expr> expressions;
    private final Schema schema;
    private final BatchSink out;
    /** The input columns when every expression is a column reference, else null. */
    private final int[] columns;

    ProjectOperator(List<Expr> expressions, Schema schema, BatchSink out) {
        this.expressions = expressions;
        this.schema = schema;
        this.out = out;
        this.columns = expressions.stream().allMatch(e -> e instanceof Expr.ColumnRef)
                ? expressions.stream().mapToInt(e -> ((Expr.ColumnRef) e).index()).toArray() : null;
    }

    @Override
    public void accept(Batch batch) {
        List<ColumnVector> vectors = new ArrayList<>(expressions.size());
        for (Expr e : expressions) {
            vectors.add(ExprEvaluator.evaluate(e, batch));
        }
        out.accept(new Batch(schema, vectors, batch.rowCount()));
    }

    /** Column references only: the selection passes through to the sink above, nothing is gathered here. */
    @Override
    public void acceptSelected(Batch batch, int[] positions, int count) {
        if (columns == null) {
            BatchSink.super.acceptSelected(batch, positions, count);
            return;
        }
        List<ColumnVector> vectors = new ArrayList<>(columns.length);
        for (int c : columns) {
            vectors.add(batch.column(c));
        }
        out.acceptSelected(new Batch(schema, vectors, batch.rowCount()), positions, count);
    }

    /** Column references only: the runs pass through like a selection. */
    @Override
    public boolean acceptRuns(Batch batch, RowRuns runs) {
        if (columns == null) {
            return false;
        }
        List<ColumnVector> vectors = new ArrayList<>(columns.length);
        for (int c : columns) {
            vectors.add(batch.column(c));
        }
        return out.acceptRuns(new Batch(schema, vectors, batch.rowCount()), runs);
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
