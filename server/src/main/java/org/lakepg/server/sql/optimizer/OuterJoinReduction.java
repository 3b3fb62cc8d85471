package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
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
        if (plan instanceof ProjectNode p && joins(p.input())) {
            // a pulled-up subquery's joins: the conditions read its columns as the expressions they stand for
            List<BoundExpr> inside = conditions.stream().map(c -> throughProjection(c, p, offset)).toList();
            PlanNode input = reduce(p.input(), 0, inside);
            return input == p.input() ? p : new ProjectNode(input, p.expressions());
        }
        if (!(plan instanceof NestedLoopJoinNode j) || !j.lateral().isEmpty()) {
            return plan;
        }
        int leftWidth = j.left().width();
        NestedLoopJoinNode.Kind kind = j.kind();
        boolean leftNonNull = rejectsNulls(conditions, j.left(), offset);
        boolean rightNonNull = rejectsNulls(conditions, j.right(), offset + leftWidth);
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

    private static boolean rejectsNulls(List<BoundExpr> conditions, PlanNode side, int offset) {
        return conditions.stream().anyMatch(c -> rejectsRelation(c, side, offset));
    }

    /**
     * Whether the condition rejects the NULL-padded rows of one relation of {@code side} (whose columns start at
     * {@code offset}). find_nonnullable_rels answers per relation, so an OR rejects only a relation each arm
     * rejects: {@code nt2.b1 OR i4 = 42} keeps a join padding both nt2 and i4. A column a pulled-up subquery computes
     * over its joins is the expression it stands for (PostgreSQL looks into a PlaceHolderVar's expression); one
     * computed over a single relation is that relation's (its PlaceHolderVar is evaluated there).
     */
    private static boolean rejectsRelation(BoundExpr c, PlanNode side, int offset) {
        if (side instanceof NestedLoopJoinNode j) {
            return rejectsRelation(c, j.left(), offset)
                    || !j.kind().leftOnly() && rejectsRelation(c, j.right(), offset + j.left().width());
        }
        if (side instanceof ProjectNode p && joins(p.input())) {
            return rejectsRelation(throughProjection(c, p, offset), p.input(), 0);
        }
        return rejects(c, offset, offset + side.width());
    }

    /** Whether the plan joins relations (through the projections and filters of pulled-up subqueries). */
    private static boolean joins(PlanNode plan) {
        return switch (plan) {
            case NestedLoopJoinNode j -> true;
            case ProjectNode p -> joins(p.input());
            case FilterNode f -> joins(f.input());
            default -> false;
        };
    }

    /**
     * The condition over the projection's input: its columns (from {@code offset}) replaced by their expressions,
     * other columns by NULL constants, which reject nothing.
     */
    private static BoundExpr throughProjection(BoundExpr c, ProjectNode p, int offset) {
        return ExprRewriter.map(c, e -> {
            if (e instanceof InputRef in) {
                int column = in.index() - offset;
                return column >= 0 && column < p.width() ? p.expressions().get(column)
                        : new Const(in.type(), in.typmod(), null);
            }
            return e;
        });
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
