package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * A join of two inputs sorted on their join keys, merged in key order: row pairs whose keys are all
 * equal (NULL equals nothing) and that pass {@code condition} (null = true) join; outer joins pad the
 * rows without a partner with NULLs. Output rows are left columns then right columns, in key order.
 * {@code leftKeys} and {@code rightKeys} pair up and are ascending with NULLs last, as the inputs are sorted.
 */
public record MergeJoinNode(NestedLoopJoinNode.Kind kind, PlanNode left, PlanNode right, List<SortKey> leftKeys,
                            List<SortKey> rightKeys, BoundExpr condition) implements PlanNode {

    public MergeJoinNode {
        leftKeys = List.copyOf(leftKeys);
        rightKeys = List.copyOf(rightKeys);
        if (leftKeys.size() != rightKeys.size() || leftKeys.isEmpty()) {
            throw new IllegalArgumentException("a merge join needs pairs of keys");
        }
    }

    @Override
    public int width() {
        return left.width() + right.width();
    }
}
