package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/** One row computed from expressions alone (SELECT without FROM); {@code filter} may drop it. */
public record ResultNode(List<BoundExpr> targets, BoundExpr filter) implements PlanNode {

    public ResultNode {
        targets = List.copyOf(targets);
    }
}
