package org.lakepg.server.sql.optimizer;

import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.WorkTableScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.OuterParam;

/**
 * Recognizes a plan that reads nothing but a recursive term's work table (through filters and projections with no
 * outer values): its rows change every round, so it is never shared, yet it can be sorted like any input.
 */
final class WorkTableReads {
    private WorkTableReads() {}

    static boolean only(PlanNode p) {
        return switch (p) {
            case WorkTableScanNode w -> true;
            case FilterNode f -> plain(f.condition()) && only(f.input());
            case ProjectNode x -> x.expressions().stream().allMatch(WorkTableReads::plain) && only(x.input());
            default -> false;
        };
    }

    private static boolean plain(BoundExpr e) {
        return !ExprRewriter.any(e, x -> x instanceof OuterParam);
    }
}
