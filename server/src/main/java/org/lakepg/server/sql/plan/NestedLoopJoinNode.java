package org.lakepg.server.sql.plan;

import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * A join by nested loops: output rows are left columns then right columns; {@code condition}
 * (null = true) is evaluated on that combined row. Outer joins pad the missing side with NULLs.
 */
public record NestedLoopJoinNode(Kind kind, PlanNode left, PlanNode right, BoundExpr condition) implements PlanNode {

    public enum Kind { INNER, LEFT, RIGHT, FULL }

    @Override
    public int width() {
        return left.width() + right.width();
    }
}
