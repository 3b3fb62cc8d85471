package org.lakepg.server.sql.plan;

/**
 * A subtree the planner sent to the vectorized columnar engine (lakepg analytics): {@code rowPlan} is the row
 * engine's plan of the same subtree, which runs instead if a value met at run time cannot be held in column batches.
 * {@code query} knows how to run it and what EXPLAIN says about it.
 */
public record ColumnarNode(PlanNode rowPlan, org.lakepg.server.analytics.ColumnarQuery query) implements PlanNode {

    @Override
    public int width() {
        return rowPlan.width();
    }
}
