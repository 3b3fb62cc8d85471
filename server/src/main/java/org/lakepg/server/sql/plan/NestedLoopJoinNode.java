package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Correlation;

/**
 * A join by nested loops: output rows are left columns then right columns; {@code condition}
 * (null = true) is evaluated on that combined row. Outer joins pad the missing side with NULLs.
 * {@code lateral} lists the left row's values a LATERAL right side reads: the right side is then
 * rerun for every left row after they are set.
 */
public record NestedLoopJoinNode(Kind kind, PlanNode left, PlanNode right, BoundExpr condition,
                                 List<Correlation> lateral) implements PlanNode {

    public enum Kind { INNER, LEFT, RIGHT, FULL }

    public NestedLoopJoinNode {
        lateral = List.copyOf(lateral);
    }

    public NestedLoopJoinNode(Kind kind, PlanNode left, PlanNode right, BoundExpr condition) {
        this(kind, left, right, condition, List.of());
    }

    @Override
    public int width() {
        return left.width() + right.width();
    }
}
