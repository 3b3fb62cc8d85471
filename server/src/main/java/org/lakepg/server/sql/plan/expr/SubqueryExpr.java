package org.lakepg.server.sql.plan.expr;

import java.util.List;
import org.lakepg.server.sql.plan.PlanNode;

/**
 * A subquery in an expression: EXISTS, a scalar subquery, ARRAY(subquery), or
 * {@code test op ANY/ALL (subquery)} where {@code comparison} is evaluated on the two-value row
 * [test value, subquery value]. Without correlations it runs once per statement; with them it runs
 * again for every row of the enclosing query, after setting its parameters.
 */
public record SubqueryExpr(Kind kind, PlanNode plan, BoundExpr test, BoundExpr comparison, long type,
                           List<Correlation> correlations) implements BoundExpr {

    public enum Kind { EXISTS, SCALAR, ARRAY, ANY, ALL }

    public SubqueryExpr {
        correlations = List.copyOf(correlations);
    }

    public boolean correlated() {
        return !correlations.isEmpty();
    }

    @Override
    public int typmod() {
        return -1;
    }
}
