package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.and;
import static org.lakepg.server.sql.optimizer.Conjuncts.conjuncts;
import static org.lakepg.server.sql.optimizer.Conjuncts.pushable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Correlation;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;

/**
 * A LATERAL subquery that reads the left side only in its WHERE becomes a plain join: PostgreSQL pulls such a
 * simple subquery up into the join tree (pull_up_simple_subquery), where its lateral conditions are ordinary join
 * clauses, so the join is free to hash, to probe an index of either side, or to swap its sides. A subquery whose
 * select list reads the left side stays lateral (its values need the left row, as PostgreSQL's PlaceHolderVars do).
 */
final class LateralPullUp {
    private LateralPullUp() {}

    /** The right side without the left row's values and the conditions (over its row) that read them. */
    private record Lifted(PlanNode plan, List<BoundExpr> conditions) {}

    /** The join as a plain one when its LATERAL right side is such a subquery, else the join itself. */
    static NestedLoopJoinNode pullUp(NestedLoopJoinNode j) {
        if (j.lateral().isEmpty()
                || j.kind() != NestedLoopJoinNode.Kind.INNER && j.kind() != NestedLoopJoinNode.Kind.LEFT) {
            return j;
        }
        Map<Integer, BoundExpr> values = new HashMap<>();
        for (Correlation c : j.lateral()) {
            values.put(c.id(), c.value());
        }
        Lifted lifted = lift(j.right(), values);
        if (lifted == null || lifted.conditions().isEmpty()) {
            return j;
        }
        int leftWidth = j.left().width();
        List<BoundExpr> condition = new ArrayList<>();
        if (j.condition() != null) {
            condition.addAll(conjuncts(j.condition()));
        }
        for (BoundExpr c : lifted.conditions()) {
            condition.add(ExprRewriter.map(c, e -> switch (e) {
                case InputRef in -> new InputRef(leftWidth + in.index(), in.type(), in.typmod(), in.name());
                case OuterParam p when values.containsKey(p.id()) -> values.get(p.id());
                default -> e;
            }));
        }
        return new NestedLoopJoinNode(j.kind(), j.left(), lifted.plan(), and(condition));
    }

    private static Lifted lift(PlanNode p, Map<Integer, BoundExpr> values) {
        return switch (p) {
            case ProjectNode x -> {
                if (x.expressions().stream().anyMatch(e -> reads(e, values))) {
                    yield null;
                }
                Lifted in = lift(x.input(), values);
                if (in == null) {
                    yield null;
                }
                List<BoundExpr> mapped = new ArrayList<>();
                for (BoundExpr c : in.conditions()) {
                    BoundExpr over = overProjection(c, x);
                    if (over == null) {
                        yield null;
                    }
                    mapped.add(over);
                }
                yield new Lifted(new ProjectNode(in.plan(), x.expressions()), mapped);
            }
            case FilterNode f when f.input() instanceof SeqScanNode -> {
                List<BoundExpr> stay = new ArrayList<>();
                List<BoundExpr> lateral = new ArrayList<>();
                for (BoundExpr c : conjuncts(f.condition())) {
                    if (!reads(c, values)) {
                        stay.add(c);
                    } else if (pushable(c)) {
                        lateral.add(c);
                    } else {
                        yield null;
                    }
                }
                yield new Lifted(stay.isEmpty() ? f.input() : new FilterNode(f.input(), and(stay)), lateral);
            }
            default -> null;
        };
    }

    /** The condition over a projection's output instead of its input, when the projection passes those columns on. */
    private static BoundExpr overProjection(BoundExpr c, ProjectNode x) {
        boolean[] missing = {false};
        BoundExpr out = ExprRewriter.map(c, e -> {
            if (!(e instanceof InputRef in)) {
                return e;
            }
            for (int k = 0; k < x.expressions().size(); k++) {
                if (x.expressions().get(k) instanceof InputRef out2 && out2.index() == in.index()) {
                    return new InputRef(k, in.type(), in.typmod(), in.name());
                }
            }
            missing[0] = true;
            return e;
        });
        return missing[0] ? null : out;
    }

    /** Whether the expression reads the left row's values (a subquery in it might, unseen: counted as reading). */
    private static boolean reads(BoundExpr e, Map<Integer, BoundExpr> values) {
        return ExprRewriter.any(e, x -> x instanceof OuterParam p && values.containsKey(p.id())
                || x instanceof org.lakepg.server.sql.plan.expr.SubqueryExpr);
    }
}
