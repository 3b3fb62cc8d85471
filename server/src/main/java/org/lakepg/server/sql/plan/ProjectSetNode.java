package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.FuncExpr;

/**
 * Set-returning functions in a select list (PostgreSQL 10's ProjectSet): for each input row all
 * the calls run in lockstep, giving as many rows as the longest (the shorter padded with NULLs).
 * Output rows are the input row followed by one value per call.
 */
public record ProjectSetNode(PlanNode input, List<FuncExpr> calls) implements PlanNode {

    public ProjectSetNode {
        calls = List.copyOf(calls);
    }

    @Override
    public int width() {
        return input.width() + calls.size();
    }
}
