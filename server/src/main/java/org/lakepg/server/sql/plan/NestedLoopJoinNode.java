package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Correlation;

/**
 * A join by nested loops: output rows are left columns then right columns; {@code condition}
 * (null = true) is evaluated on that combined row. Outer joins pad the missing side with NULLs.
 * {@code lateral} lists the left row's values a LATERAL right side reads: the right side is then
 * rerun for every left row after they are set. A SEMI join outputs each left row that has a matching right row
 * once, an ANTI join each left row that has none (EXISTS / NOT EXISTS pulled up into the join tree): both output the
 * left columns only, while their condition reads the combined row.
 */
public record NestedLoopJoinNode(Kind kind, PlanNode left, PlanNode right, BoundExpr condition,
                                 List<Correlation> lateral) implements PlanNode {

    public enum Kind {
        INNER, LEFT, RIGHT, FULL, SEMI, ANTI;

        /** Whether the join outputs left rows only (a semi or anti join). */
        public boolean leftOnly() {
            return this == SEMI || this == ANTI;
        }
    }

    public NestedLoopJoinNode {
        lateral = List.copyOf(lateral);
    }

    public NestedLoopJoinNode(Kind kind, PlanNode left, PlanNode right, BoundExpr condition) {
        this(kind, left, right, condition, List.of());
    }

    /**
     * Whether this is a hash join: the right side a hash lookup whose keys are the left row's values in
     * {@code lateral}, one per key column, in order.
     */
    public boolean hashed() {
        return right instanceof HashLookupNode h && lateral.size() == h.keys().size();
    }

    @Override
    public int width() {
        return kind.leftOnly() ? left.width() : left.width() + right.width();
    }
}
