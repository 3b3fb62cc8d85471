package org.lakepg.server.sql.analyzer;

import java.util.List;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.PlanNode;

/** An analyzed query or FROM item: the plan producing its rows and the columns they have. */
public record Relation(PlanNode plan, List<OutputColumn> columns) {

    public Relation {
        columns = List.copyOf(columns);
    }
}
