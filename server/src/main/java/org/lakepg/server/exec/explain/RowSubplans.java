package org.lakepg.server.exec.explain;

import java.util.List;
import org.lakepg.server.function.scalar.RowFunctions;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/**
 * {@code (a, b) op ANY/ALL (SELECT x, y ...)} runs its subquery with the columns packed into one record (the
 * analyzer's rowSubquery); PostgreSQL's subplan returns the columns themselves, so EXPLAIN shows the plan below that
 * packing projection.
 */
final class RowSubplans {
    private RowSubplans() {}

    static PlanNode shown(SubqueryExpr q) {
        if ((q.kind() != SubqueryExpr.Kind.ANY && q.kind() != SubqueryExpr.Kind.ALL) || !isRow(q.test())
                || !(q.plan() instanceof ProjectNode x) || x.expressions().size() != 1
                || !isRow(x.expressions().get(0))) {
            return q.plan();
        }
        List<BoundExpr> fields = ((FuncExpr) x.expressions().get(0)).arguments();
        boolean identity = fields.size() == x.input().width();
        for (int i = 0; identity && i < fields.size(); i++) {
            identity = fields.get(i) instanceof InputRef in && in.index() == i;
        }
        return identity ? x.input() : new ProjectNode(x.input(), fields);
    }

    private static boolean isRow(BoundExpr e) {
        return e instanceof FuncExpr f && f.function() == RowFunctions.ROW_OID;
    }
}
