package org.lakepg.server.sql.plan;

import java.util.List;

/** A planned query: the operator tree and the columns it returns, with the parameter types it expects. */
public record QueryPlan(PlanNode root, List<OutputColumn> columns, long[] parameterTypes) {

    public QueryPlan {
        columns = List.copyOf(columns);
    }
}
