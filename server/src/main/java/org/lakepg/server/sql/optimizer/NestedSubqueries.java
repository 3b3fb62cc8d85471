package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/**
 * The subqueries in the expressions of a plan (not those inside them): PostgreSQL plans them while it plans the
 * query level around them, so they are numbered before the subplan that contains them.
 */
public final class NestedSubqueries {
    private NestedSubqueries() {}

    public static List<SubqueryExpr> of(PlanNode plan) {
        List<SubqueryExpr> found = new ArrayList<>();
        PlanExpressions.any(plan, e -> {
            ExprRewriter.any(e, x -> {
                if (x instanceof SubqueryExpr q && found.stream().noneMatch(f -> f == q)) {
                    found.add(q);
                }
                return false;
            });
            return false;
        });
        return found;
    }
}
