package org.lakepg.server.sql.plan;

/** The recursive term's reference to its own WITH item: the rows the previous iteration produced. */
public record WorkTableScanNode(int workTableId, String cteName, String alias, int width) implements PlanNode {
}
