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

    ProjectOperator(List<Expr> expressions, Schema schema, BatchSink out) {
        this.expressions = expressions;
        this.schema = schema;
        this.out = out;
    }

    @Override
    public void accept(Batch batch) {
        List<ColumnVector> vectors = new ArrayList<>(expressions.size());
        for (Expr e : expressions) {
            vectors.add(ExprEvaluator.evaluate(e, batch));
        }
        out.accept(new Batch(schema, vectors, batch.rowCount()));
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
