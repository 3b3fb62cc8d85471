package org.lakepg.server.sql.plan;

import org.lakepg.server.sql.plan.expr.BoundExpr;

/** Keeps the input rows for which the condition is true (not false, not NULL). */
public record FilterNode(PlanNode input, BoundExpr condition) implements PlanNode {

    @Override
    public int width() {
        return input.width();
    }
}
