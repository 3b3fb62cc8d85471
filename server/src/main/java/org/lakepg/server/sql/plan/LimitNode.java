package org.lakepg.server.sql.plan;

import org.lakepg.server.sql.plan.expr.BoundExpr;

/** OFFSET / LIMIT, each an int8 expression evaluated once (null = none). */
public record LimitNode(PlanNode input, BoundExpr offset, BoundExpr count) implements PlanNode {

    @Override
    public int width() {
        return input.width();
    }
}
