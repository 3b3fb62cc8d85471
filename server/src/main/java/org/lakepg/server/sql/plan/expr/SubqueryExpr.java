package org.lakepg.server.sql.plan.expr;

import java.util.List;
import org.lakepg.server.sql.plan.PlanNode;

/**
 * A subquery in an expression: EXISTS, a scalar subquery, ARRAY(subquery), or
 * {@code test op ANY/ALL (subquery)} where {@code comparison} is evaluated on the two-value row
 * [test value, subquery value]. Without correlations it runs once per statement; with them it runs
 * again for every row of the enclosing query, after setting its parameters. A correlated EXISTS may carry
 * {@code hashedAlternative}: the rows of its subquery's compared values with the outer comparisons removed
 * (convert_EXISTS_to_ANY), which EXPLAIN shows as PostgreSQL's hashed SubPlan when running that once would cost less
 * than the probes (an AlternativeSubPlan); the executor keeps running the EXISTS, whose answers are the same.
 */
public record SubqueryExpr(Kind kind, PlanNode plan, BoundExpr test, BoundExpr comparison, long type,
                           List<Correlation> correlations, PlanNode hashedAlternative) implements BoundExpr {

    public enum Kind { EXISTS, SCALAR, ARRAY, ANY, ALL }

    public SubqueryExpr {
        correlations = List.copyOf(correlations);
    }

    public SubqueryExpr(Kind kind, PlanNode plan, BoundExpr test, BoundExpr comparison, long type,
                        List<Correlation> correlations) {
        this(kind, plan, test, comparison, type, correlations, null);
    }

    public boolean correlated() {
        return !correlations.isEmpty();
    }

    @Override
    public int typmod() {
        return -1;
    }
}
