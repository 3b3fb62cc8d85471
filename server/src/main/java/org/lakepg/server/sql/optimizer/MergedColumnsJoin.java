package org.lakepg.server.sql.optimizer;

import java.util.List;
import java.util.function.UnaryOperator;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.expr.InputRef;

/**
 * A FULL JOIN USING left for the query's join planning: the joined row with its merged columns
 * ({@code COALESCE(l.x, r.x)}) appended by a projection. PostgreSQL's merged column is an expression over the two
 * sides, so a WHERE condition on it is one on the join's columns (reconsider_full_join_clause may then filter both
 * inputs): the condition goes below the projection, the join is planned with it, and the projection goes back on.
 */
final class MergedColumnsJoin {
    private MergedColumnsJoin() {}

    /** The planned join under its projection, or null when {@code plan} is not such a join (with or without WHERE). */
    static PlanNode planned(PlanNode plan, UnaryOperator<PlanNode> joins) {
        FilterNode where = plan instanceof FilterNode f ? f : null;
        PlanNode below = where == null ? plan : where.input();
        if (!(below instanceof ProjectNode project) || !(project.input() instanceof NestedLoopJoinNode join)
                || join.kind() != NestedLoopJoinNode.Kind.FULL || !join.lateral().isEmpty()
                || !extendsRow(project.expressions(), join.width())) {
            return null;
        }
        List<org.lakepg.server.sql.plan.expr.BoundExpr> columns = project.expressions();
        PlanNode input = where == null ? join : new FilterNode(join, ExprRewriter.map(where.condition(),
                e -> e instanceof InputRef in && in.index() < columns.size() ? columns.get(in.index()) : e));
        return new ProjectNode(joins.apply(input), columns);
    }

    /** Whether the projection keeps the join's row as it is and only appends columns. */
    private static boolean extendsRow(List<org.lakepg.server.sql.plan.expr.BoundExpr> columns, int width) {
        if (columns.size() <= width) {
            return false;
        }
        for (int i = 0; i < width; i++) {
            if (!(columns.get(i) instanceof InputRef in) || in.index() != i) {
                return false;
            }
        }
        return true;
    }
}
