package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.and;
import static org.lakepg.server.sql.optimizer.Conjuncts.conjuncts;
import static org.lakepg.server.sql.optimizer.Conjuncts.pushable;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.ProjectSetNode;
import org.lakepg.server.sql.plan.SubqueryScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;

/**
 * The outer query's WHERE over a subquery with set-returning functions in its select list, as set_subquery_pathlist
 * treats it: a condition that is not volatile and reads no column a set-returning function computes
 * (qual_is_pushdown_safe's unsafe columns) filters the subquery's rows before the functions expand them, so it runs
 * once per input row (a condition left with no column at all becomes the Result's One-Time Filter); the rest stays
 * above the Subquery Scan.
 */
final class SetReturningQuals {
    private SetReturningQuals() {}

    static SubqueryQuals.Pushed push(SubqueryScanNode scan, ProjectNode projection, ProjectSetNode set,
                                     BoundExpr where) {
        int baseWidth = set.input().width();
        List<BoundExpr> below = new ArrayList<>();
        List<BoundExpr> remaining = new ArrayList<>();
        for (BoundExpr c : conjuncts(where)) {
            BoundExpr inside = ExprRewriter.map(c, e -> e instanceof InputRef in ? projection.expressions().get(in.index()) : e);
            if (pushable(c) && pushable(inside) && !ExprRewriter.any(c, e -> e instanceof OuterParam)
                    && Conjuncts.refs(inside).stream().allMatch(i -> i < baseWidth)) {
                below.add(inside);
            } else {
                remaining.add(c);
            }
        }
        if (below.isEmpty()) {
            return new SubqueryQuals.Pushed(scan, where);
        }
        PlanNode base = SubqueryQuals.filtered(set.input(), below);
        PlanNode subquery = new ProjectNode(new ProjectSetNode(base, set.calls()), projection.expressions());
        return new SubqueryQuals.Pushed(scan.withInput(subquery), remaining.isEmpty() ? null : and(remaining));
    }
}
