package org.lakepg.server.sql.ast;

import java.util.List;

/** DELETE. */
public record DeleteStmt(
        RangeVar relation,
        List<FromItem> usingClause,
        Expr whereClause,
        List<ResTarget> returningList,
        WithClause withClause) implements Statement {}
