package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.JoinExpr;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Correlation;
import org.lakepg.server.sql.plan.expr.InputRef;

/**
 * LATERAL references from a join's right side to the FROM items before the join ({@code FROM a, b JOIN LATERAL
 * (SELECT a.x) ss ON ...}): PostgreSQL's namespace lets the item see them, and its planner flattens the join tree
 * so they are at hand. Here an inner or LEFT join whose right side names them takes those items in as part of its
 * left side: {@code a, (b JOIN c)} is {@code (a CROSS JOIN b) JOIN c} for both kinds, with the same columns in the
 * same order.
 */
final class LateralBefore {
    private LateralBefore() {}

    /** What the right side may name: the items before the join, then the join's left side. */
    record Visible(FromScope scope) {}

    /** How the right side's values from its left relate to the items before the join. */
    record Reach(boolean reachesBefore, List<Correlation> shifted) {}

    /** The right side's view when it may see the items before the join, else null (it sees the left side only). */
    static Visible visible(JoinExpr j, Object beforeSource, FromScope before, FromScope left, Scope outer) {
        if (beforeSource == null || j.alias() != null || j.isNatural()
                || j.usingClause() != null && !j.usingClause().isEmpty()) {
            return null;
        }
        switch (j.jointype()) {
            case INNER, CROSS, LEFT -> { }
            default -> {
                return null;
            }
        }
        FromScope scope = new FromScope(outer);
        scope.addAll(before);
        scope.addAll(left);
        return new Visible(scope);
    }

    /**
     * The right side's view inside another join, which it cannot take in: the join's left side, where a name that
     * both it and the enclosing join's left side have is ambiguous, as PostgreSQL's namespace has both.
     */
    static FromScope insideJoin(FromScope enclosingLeft, FromScope left, Scope outer) {
        java.util.Set<String> shared = new java.util.HashSet<>();
        for (FromScope.Entry e : enclosingLeft.entries()) {
            if (e.alias() != null && left.entries().stream().anyMatch(o -> e.alias().equals(o.alias()))) {
                shared.add(e.alias());
            }
        }
        if (shared.isEmpty()) {
            return left;
        }
        FromScope scope = new FromScope(outer);
        scope.addAll(left);
        scope.markAmbiguous(shared);
        return scope;
    }

    /**
     * Whether a value of {@code lateral} (read over the items before the join, then its left side) reads an item
     * before the join; if none does, the values read over the left side alone.
     */
    static Reach reach(List<Correlation> lateral, int beforeWidth) {
        boolean reaches = lateral.stream().anyMatch(c -> ExprRewriter.any(c.value(),
                e -> e instanceof InputRef in && in.index() < beforeWidth));
        if (reaches) {
            return new Reach(true, lateral);
        }
        List<Correlation> shifted = new ArrayList<>();
        for (Correlation c : lateral) {
            shifted.add(new Correlation(c.id(), shift(c.value(), -beforeWidth)));
        }
        return new Reach(false, shifted);
    }

    /** The expression over a row with {@code by} more columns in front. */
    static BoundExpr shift(BoundExpr e, int by) {
        return e == null ? null : ExprRewriter.map(e,
                x -> x instanceof InputRef in ? new InputRef(in.index() + by, in.type(), in.typmod(), in.name()) : x);
    }

    /** Whether every value the right side takes from its left reads the items before the join only. */
    static boolean readsOnly(List<Correlation> lateral, int beforeWidth) {
        return lateral.stream().noneMatch(c -> ExprRewriter.any(c.value(),
                e -> e instanceof InputRef in && in.index() >= beforeWidth));
    }

    /**
     * {@code before, (left JOIN LATERAL right ON c)} for an inner join whose right side reads only the items before
     * it, as {@code (before JOIN LATERAL right) JOIN left ON c}: the right side runs once per row of the items it
     * reads (not per pair with the left side), and the join of the two is free to hash, as PostgreSQL's flattened
     * join tree is. The row holds before, right, left; the names keep the order before, left, right.
     */
    static <S> S beforeTheLeftSide(PlanNode beforePlan, FromScope before, PlanNode leftPlan, FromScope left,
                                   List<Correlation> leftLateral, PlanNode rightPlan, FromScope right,
                                   List<Correlation> rightLateral, BoundExpr condition, Scope outer,
                                   java.util.function.BiFunction<PlanNode, FromScope, S> source) {
        int bw = before.width();
        int lw = left.width();
        int rw = right.width();
        PlanNode withRight = new NestedLoopJoinNode(NestedLoopJoinNode.Kind.INNER, beforePlan, rightPlan, null,
                rightLateral);
        // the ON condition read the left side, then the right side
        BoundExpr moved = condition == null ? null : ExprRewriter.map(condition, x -> x instanceof InputRef in
                ? new InputRef(in.index() < lw ? bw + rw + in.index() : bw + in.index() - lw, in.type(), in.typmod(),
                        in.name())
                : x);
        PlanNode plan = new NestedLoopJoinNode(NestedLoopJoinNode.Kind.INNER, withRight, leftPlan, moved, leftLateral);
        FromScope names = new FromScope(outer);
        names.addAll(before);
        names.addAllAt(left, bw + rw);
        names.addAllAt(right, bw);
        return source.apply(plan, names);
    }
}
