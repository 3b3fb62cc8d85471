package org.lakepg.server.branch;

/**
 * One difference between two branches (or two LSNs) as lakepg_diff() lists it: a table's schema, or its rows,
 * with how many rows only one side has (null for schema differences).
 */
public record BranchDifference(String tableName, String difference, Long rowsOnlyInA, Long rowsOnlyInB) {
}
