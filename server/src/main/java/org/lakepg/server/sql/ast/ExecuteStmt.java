package org.lakepg.server.sql.ast;

import java.util.List;

/** EXECUTE name [(params)]. */
public record ExecuteStmt(String name, List<Expr> params) implements Statement {}
