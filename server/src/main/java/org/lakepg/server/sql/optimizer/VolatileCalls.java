package org.lakepg.server.sql.optimizer;

import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.expr.FuncExpr;

/** contain_volatile_functions over a plan: whether running it twice may give other values than running it once. */
public final class VolatileCalls {
    private VolatileCalls() {}

    /** True also for plans with nodes whose expressions are not inspected (writing, recursive, rule actions). */
    public static boolean in(PlanNode plan) {
        return PlanExpressions.any(plan, e -> ExprRewriter.any(e, x -> x instanceof FuncExpr f && f.volatility() == 'v'));
    }

    /** Whether the plan calls a volatile function; reading a recursive working table does not count (inline_cte). */
    public static boolean calledIn(PlanNode plan) {
        return PlanExpressions.anyReadingWorkTables(plan,
                e -> ExprRewriter.any(e, x -> x instanceof FuncExpr f && f.volatility() == 'v'));
    }
}
