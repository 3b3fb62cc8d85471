package org.lakepg.server.sql.plan;

import java.util.List;

/**
 * A reference to a WITH item: the item's plan runs once per statement, its rows are kept, and every
 * reference reads them (as PostgreSQL's CTE Scan over a shared tuplestore). {@code columns} are the reference's
 * column names (EXPLAIN's, for a column no expression above names), empty when not known.
 */
public record CteScanNode(String cteName, String alias, PlanNode cte, int width, List<String> columns)
        implements PlanNode {

    public CteScanNode {
        columns = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(columns));
    }

    public CteScanNode(String cteName, String alias, PlanNode cte, int width) {
        this(cteName, alias, cte, width, List.of());
    }
}
