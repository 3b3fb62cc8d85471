package org.lakepg.server.sql.optimizer;

import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.HashLookupNode;
import org.lakepg.server.sql.plan.MergeJoinNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.ResultNode;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.expr.Const;

/**
 * PostgreSQL's dummy join relations (populate_joinrel_with_paths): a join that can give no row because an input
 * proven empty ({@link GatingQuals#emptyRows}) is one it needs rows from is itself empty, so EXPLAIN shows only
 * {@code Result / One-Time Filter: false}: an inner or semi join with either side empty, a left or anti join with
 * its outer (left) side empty, a right join with its right side empty, a full join with both.
 */
final class EmptyJoins {
    private EmptyJoins() {}

    /** The join tree with such joins replaced by no rows. */
    static PlanNode collapsed(PlanNode p) {
        return switch (p) {
            case FilterNode f -> {
                PlanNode input = collapsed(f.input());
                yield empty(input) ? input : input == f.input() ? f : new FilterNode(input, f.condition());
            }
            case NestedLoopJoinNode j -> {
                PlanNode left = collapsed(j.left());
                PlanNode right = j.lateral().isEmpty() ? collapsed(j.right()) : j.right();
                if (emptyJoin(j.kind(), empty(left), empty(right))) {
                    yield GatingQuals.emptyRows(j.width());
                }
                yield left == j.left() && right == j.right() ? j
                        : new NestedLoopJoinNode(j.kind(), left, right, j.condition(), j.lateral());
            }
            case MergeJoinNode m -> {
                PlanNode left = collapsed(m.left());
                PlanNode right = collapsed(m.right());
                if (emptyJoin(m.kind(), empty(left), empty(right))) {
                    yield GatingQuals.emptyRows(m.width());
                }
                yield left == m.left() && right == m.right() ? m
                        : new MergeJoinNode(m.kind(), left, right, m.leftKeys(), m.rightKeys(), m.condition());
            }
            default -> p;
        };
    }

    /** Whether a join of this kind over these inputs is proven empty. */
    static boolean emptyJoin(NestedLoopJoinNode.Kind kind, PlanNode left, PlanNode right) {
        return emptyJoin(kind, empty(left), empty(right));
    }

    private static boolean emptyJoin(NestedLoopJoinNode.Kind kind, boolean left, boolean right) {
        return switch (kind) {
            case INNER, SEMI -> left || right;
            case LEFT, ANTI -> left;
            case RIGHT -> right;
            case FULL -> left && right;
        };
    }

    /**
     * Whether the plan is a dummy relation: a Result behind a constant-false filter (under projections, filters, a
     * hash or a sort). A scan gated by a constant-false filter is not one: PostgreSQL keeps such a scan in the plan.
     */
    static boolean empty(PlanNode p) {
        return switch (p) {
            case HashLookupNode h -> empty(h.input());
            case SortNode s -> empty(s.input());
            case ProjectNode x -> empty(x.input());
            case org.lakepg.server.sql.plan.SubqueryScanNode q -> empty(q.input());
            case FilterNode f -> dummy(f) || empty(f.input());
            default -> false;
        };
    }

    private static boolean dummy(FilterNode f) {
        return f.input() instanceof ResultNode && f.condition() instanceof Const k && !Boolean.TRUE.equals(k.value());
    }
}
