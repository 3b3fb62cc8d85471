package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * OFFSET / LIMIT, each an int8 expression evaluated once (null = none). With {@code ties} (FETCH FIRST n ROWS WITH
 * TIES: the ORDER BY keys) the rows that sort equal to the last counted one are returned as well.
 */
public record LimitNode(PlanNode input, BoundExpr offset, BoundExpr count, List<SortKey> ties) implements PlanNode {

    public LimitNode {
        ties = List.copyOf(ties);
    }

    public LimitNode(PlanNode input, BoundExpr offset, BoundExpr count) {
        this(input, offset, count, List.of());
    }

    public LimitNode withInput(PlanNode newInput) {
        return new LimitNode(newInput, offset, count, ties);
    }

    @Override
    public int width() {
        return input.width();
    }
}
