package org.lakepg.server.sql.plan;

/** Exactly one row with no columns: the input of a SELECT without FROM. */
public record ResultNode() implements PlanNode {

    @Override
    public int width() {
        return 0;
    }
}
