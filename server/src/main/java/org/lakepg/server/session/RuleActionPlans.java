package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.DeleteStmt;
import org.lakepg.server.sql.ast.InsertStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.UpdateStmt;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.QueryPlan;
import org.lakepg.server.sql.plan.RuleActionsNode;

/** One plan for the statements a rule rewrite made: run in order, with the rows, count and tag of the one that sets them. */
final class RuleActionPlans {
    private RuleActionPlans() {}

    /** Statements rules may rewrite. */
    static boolean writes(Statement s) {
        return s instanceof InsertStmt || s instanceof UpdateStmt || s instanceof DeleteStmt;
    }

    /** Statements rules may rewrite, or whose WITH items they may. */
    static boolean mayBeRewritten(Statement s) {
        return writes(s) || s instanceof org.lakepg.server.sql.ast.SelectStmt q && q.withClause() != null;
    }

    static QueryPlan plan(List<Command.Query> steps, List<Boolean> setsResult, Statement original) {
        List<PlanNode> roots = new ArrayList<>();
        int result = -1;
        List<OutputColumn> columns = null;
        long[] parameterTypes = new long[0];
        for (int i = 0; i < steps.size(); i++) {
            QueryPlan plan = steps.get(i).plan();
            roots.add(plan.root());
            if (setsResult.get(i)) {
                result = i;
                columns = plan.columns();
            }
            if (plan.parameterTypes().length > parameterTypes.length) {
                parameterTypes = plan.parameterTypes();
            }
        }
        QueryPlan.Tag tag = switch (original) {
            case InsertStmt i -> QueryPlan.Tag.INSERT;
            case UpdateStmt u -> QueryPlan.Tag.UPDATE;
            default -> QueryPlan.Tag.DELETE;
        };
        int width = result < 0 ? 0 : roots.get(result).width();
        return new QueryPlan(new RuleActionsNode(roots, result, width), columns, parameterTypes, tag);
    }
}
