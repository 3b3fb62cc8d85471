package org.lakepg.server.sql.ast;

import java.util.List;

/** DROP DATABASE. */
public record DropdbStmt(String dbname, boolean missingOk, List<DefElem> options) implements Statement {}
