package org.lakepg.server.sql.ast;

import java.util.List;

/** EXPLAIN [ANALYZE] [VERBOSE] / EXPLAIN (options) statement. */
public record ExplainStmt(Statement query, List<DefElem> options) implements Statement {}
