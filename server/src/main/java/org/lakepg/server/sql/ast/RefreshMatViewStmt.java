package org.lakepg.server.sql.ast;

/** REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]. */
public record RefreshMatViewStmt(boolean concurrent, boolean skipData, RangeVar relation) implements Statement {}
