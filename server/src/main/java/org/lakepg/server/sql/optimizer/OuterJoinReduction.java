package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.NullTest;
import org.lakepg.server.sql.plan.expr.RelabelType;

/**
 * PostgreSQL's reduce_outer_joins: a LEFT JOIN under a WHERE condition that no NULL-padded row can pass (a strict
 * operator or function of a right-side column, IS NOT NULL) returns only matched rows, so it is an inner join, which
 * the planner may then reorder and join either way round; likewise a RIGHT JOIN whose left columns the conditions
 * reject, and a FULL JOIN becomes LEFT, RIGHT or inner as the conditions reject one side's padding or both.
 */
final class OuterJoinReduction {
    private OuterJoinReduction() {}

    /**
     * The join tree with the LEFT joins the conditions make inner; {@code offset} is where the tree's columns start
     * in the row the conditions read. The same node when nothing changed.
     */
    static PlanNode reduce(PlanNode plan, int offset, List<BoundExpr> conditions) {
        if (!(plan instanceof NestedLoopJoinNode j) || !j.lateral().isEmpty()) {
            return plan;
        }
        int leftWidth = j.left().width();
        NestedLoopJoinNode.Kind kind = j.kind();
        boolean leftNonNull = rejectsNulls(conditions, offset, offset + leftWidth);
        boolean rightNonNull = rejectsNulls(conditions, offset + leftWidth, offset + j.width());
        kind = switch (kind) {
            case LEFT -> rightNonNull ? NestedLoopJoinNode.Kind.INNER : kind;
            case RIGHT -> leftNonNull ? NestedLoopJoinNode.Kind.INNER : kind;
            // a FULL join's NULL-padded rows of the side the conditions reject are gone
            case FULL -> leftNonNull && rightNonNull ? NestedLoopJoinNode.Kind.INNER
                    : leftNonNull ? NestedLoopJoinNode.Kind.LEFT
                    : rightNonNull ? NestedLoopJoinNode.Kind.RIGHT : kind;
            default -> kind;
        };
        List<BoundExpr> below = conditions;
        if (kind == NestedLoopJoinNode.Kind.INNER && j.condition() != null) {
            // an inner join's own ON condition rejects NULLs from the joins under it as a WHERE condition would
            below = new ArrayList<>(conditions);
            for (BoundExpr c : Conjuncts.conjuncts(j.condition())) {
                below.add(Conjuncts.shift(c, offset));
            }
        }
        // an outer join's ON condition rejects NULLs from the joins on its padded side: a padded row there never
        // matches, as an inner join's missing row would not (reduce_outer_joins_pass2's local constraints)
        List<BoundExpr> on = new ArrayList<>();
        if ((kind == NestedLoopJoinNode.Kind.LEFT || kind == NestedLoopJoinNode.Kind.RIGHT) && j.condition() != null) {
            for (BoundExpr c : Conjuncts.conjuncts(j.condition())) {
                on.add(Conjuncts.shift(c, offset));
            }
        }
        PlanNode left = kind == NestedLoopJoinNode.Kind.INNER || kind == NestedLoopJoinNode.Kind.LEFT
                ? reduce(j.left(), offset, below)
                : kind == NestedLoopJoinNode.Kind.RIGHT ? reduce(j.left(), offset, on) : j.left();
        PlanNode right = kind == NestedLoopJoinNode.Kind.INNER || kind == NestedLoopJoinNode.Kind.RIGHT
                ? reduce(j.right(), offset + leftWidth, below)
                : kind == NestedLoopJoinNode.Kind.LEFT ? reduce(j.right(), offset + leftWidth, on) : j.right();
        return kind == j.kind() && left == j.left() && right == j.right() ? j
                : new NestedLoopJoinNode(kind, left, right, j.condition(), j.lateral());
    }

    private static boolean rejectsNulls(List<BoundExpr> conditions, int from, int to) {
        return conditions.stream().anyMatch(c -> rejects(c, from, to));
    }

    /**
     * Whether the condition is NULL or false when the columns {@code [from, to)} are all NULL
     * (find_nonnullable_rels: strict calls, IS NOT NULL, AND of any, OR of all such parts).
     */
    static boolean rejects(BoundExpr e, int from, int to) {
        return switch (e) {
            case InputRef in -> in.index() >= from && in.index() < to;
            case RelabelType r -> rejects(r.argument(), from, to);
            case FuncExpr f when f.strict() -> f.arguments().stream().anyMatch(a -> rejects(a, from, to));
            case NullTest t when t.negated() -> rejects(t.argument(), from, to);
            case BoolExpr b when b.kind() == BoolExpr.Kind.AND -> b.arguments().stream().anyMatch(a -> rejects(a, from, to));
            case BoolExpr b when b.kind() == BoolExpr.Kind.OR -> b.arguments().stream().allMatch(a -> rejects(a, from, to));
            default -> false;
        };
    }
}
