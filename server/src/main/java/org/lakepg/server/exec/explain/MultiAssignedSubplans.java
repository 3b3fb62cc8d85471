package org.lakepg.server.exec.explain;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.function.scalar.RowFunctions;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/**
 * {@code SET (a, b) = (SELECT x, y ...)}: lakepg runs the sub-SELECT as one row-valued subquery whose fields the
 * assigned columns select ({@code lakepg_field(subquery, n)}, see the analyzer's MultiAssignments). PostgreSQL plans it
 * as a MULTIEXPR SubPlan that sets one parameter per column ({@code SubPlan 1 (returns $1,$2)}): the columns read
 * the parameters, the SubPlan itself stands in the target list, and its plan returns the columns unpacked.
 */
final class MultiAssignedSubplans {
    private MultiAssignedSubplans() {}

    /** The sub-SELECT a multiple-column assignment's column reads a field of, or null for another expression. */
    static SubqueryExpr source(BoundExpr e) {
        if (e instanceof FuncExpr f && RowFunctions.FIELD.equals(f.name()) && f.arguments().size() == 2
                && f.arguments().get(1) instanceof Const && f.arguments().get(0) instanceof SubqueryExpr q
                && q.kind() == SubqueryExpr.Kind.SCALAR && packed(q.plan()) != null) {
            return q;
        }
        return null;
    }

    /** The field a multiple-column assignment's column reads (0-based). */
    static int field(BoundExpr e) {
        return ((Number) ((Const) ((FuncExpr) e).arguments().get(1)).value()).intValue();
    }

    /** The sub-SELECTs the expressions assign from, in order of first use. */
    static List<SubqueryExpr> in(List<BoundExpr> expressions) {
        List<SubqueryExpr> out = new ArrayList<>();
        for (BoundExpr e : expressions) {
            ExprRewriter.any(e, x -> {
                SubqueryExpr q = source(x);
                if (q != null && out.stream().noneMatch(s -> s == q)) {
                    out.add(q);
                }
                return false;
            });
        }
        return out;
    }

    /** How many columns the sub-SELECT returns. */
    static int width(SubqueryExpr q) {
        return packed(q.plan()).size();
    }

    /** The sub-SELECT's plan as PostgreSQL shows it: returning its columns, not the row packing them. */
    static PlanNode shown(SubqueryExpr q) {
        return new ProjectNode(((ProjectNode) q.plan()).input(), packed(q.plan()));
    }

    /** The columns the plan packs into its one row value, or null when it is not such a plan. */
    private static List<BoundExpr> packed(PlanNode plan) {
        if (plan instanceof ProjectNode x && x.expressions().size() == 1
                && x.expressions().get(0) instanceof FuncExpr row && row.function() == RowFunctions.ROW_OID) {
            return row.arguments();
        }
        return null;
    }
}
