package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE STATISTICS. */
public record CreateStatsStmt(
        List<String> defnames,
        List<String> statTypes,
        List<Expr> exprs,
        List<FromItem> relations,
        boolean ifNotExists) implements Statement {}
