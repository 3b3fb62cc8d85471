package org.lakepg.server.sql.plan;

/**
 * A reference to a WITH item: the item's plan runs once per statement, its rows are kept, and every
 * reference reads them (as PostgreSQL's CTE Scan over a shared tuplestore).
 */
public record CteScanNode(String cteName, String alias, PlanNode cte, int width) implements PlanNode {
}
