package org.lakepg.server.sql.plan.expr;

import org.lakepg.server.sql.plan.PlanNode;

/**
 * An uncorrelated subquery in an expression, run once per statement: EXISTS, a scalar subquery,
 * ARRAY(subquery), or {@code test op ANY/ALL (subquery)} where {@code comparison} is evaluated on
 * the two-value row [test value, subquery value].
 */
public record SubqueryExpr(Kind kind, PlanNode plan, BoundExpr test, BoundExpr comparison, long type)
        implements BoundExpr {

    public enum Kind { EXISTS, SCALAR, ARRAY, ANY, ALL }

    @Override
    public int typmod() {
        return -1;
    }
}
