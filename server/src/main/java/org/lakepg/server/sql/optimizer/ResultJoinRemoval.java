package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.Correlation;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/**
 * PostgreSQL's remove_useless_result_rtes for a LEFT JOIN ... ON true whose right side is a FROM-less subquery
 * ({@code left join lateral (select i4.f1 + 1 as v) ss on true}): each left row matches its one row exactly once, so
 * the join goes and the subquery's values are computed over the left row (its PlaceHolderVars are evaluated at the
 * left side: EXPLAIN shows {@code Output: i8.q1, i8.q2, (i4.f1 + 1)} there, no Result).
 */
final class ResultJoinRemoval {
    private ResultJoinRemoval() {}

    /** The join tree with such joins replaced by projections of their left side. */
    static PlanNode removed(PlanNode p) {
        return switch (p) {
            case FilterNode f -> {
                PlanNode input = removed(f.input());
                yield input == f.input() ? f : new FilterNode(input, f.condition());
            }
            case NestedLoopJoinNode j -> {
                PlanNode left = removed(j.left());
                PlanNode right = j.kind() == NestedLoopJoinNode.Kind.LEFT ? j.right() : removed(j.right());
                NestedLoopJoinNode join = left == j.left() && right == j.right() ? j
                        : new NestedLoopJoinNode(j.kind(), left, right, j.condition(), j.lateral());
                PlanNode projected = projected(join);
                yield projected != null ? projected : join;
            }
            default -> p;
        };
    }

    /** The left side with the right side's values appended, or null when the join is not one to remove. */
    private static PlanNode projected(NestedLoopJoinNode j) {
        if (j.kind() != NestedLoopJoinNode.Kind.LEFT
                || j.condition() != null && !(j.condition() instanceof Const k && Boolean.TRUE.equals(k.value()))
                || SubstitutedConstants.resultValues(j.right()) == null) {
            return null;
        }
        List<BoundExpr> values = SubstitutedConstants.resultValues(j.right());
        Map<Integer, BoundExpr> outer = new HashMap<>();
        for (Correlation c : j.lateral()) {
            outer.put(c.id(), c.value());
        }
        List<BoundExpr> out = new ArrayList<>();
        for (int i = 0; i < j.left().width(); i++) {
            out.add(new InputRef(i, 0, -1, null));
        }
        List<BoundExpr> placeholders = new ArrayList<>();
        for (BoundExpr e : values) {
            // a subquery or a volatile call is left where it is (evaluated once per joined row either way)
            if (ExprRewriter.any(e, x -> x instanceof SubqueryExpr || x instanceof InputRef
                    || x instanceof FuncExpr f && f.volatility() == 'v'
                    || x instanceof OuterParam op && !outer.containsKey(op.id()))) {
                return null;
            }
            placeholders.add(ExprRewriter.map(e, x -> x instanceof OuterParam op ? outer.get(op.id()) : x));
        }
        if (ConstantRelations.constantRow(j.left())
                && placeholders.stream().noneMatch(e -> ExprRewriter.any(e, x -> x instanceof InputRef))) {
            return SubstitutedConstants.joinedRow(j.left(), placeholders); // one row of constants again
        }
        out.addAll(placeholders);
        return new ProjectNode(j.left(), out);
    }
}
