package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/** Computes a new row from expressions over each input row. */
public record ProjectNode(PlanNode input, List<BoundExpr> expressions) implements PlanNode {

    public ProjectNode {
        expressions = List.copyOf(expressions);
    }

    @Override
    public int width() {
        return expressions.size();
    }
}
