package org.lakepg.server.sql.ast;

import java.util.List;

/** UPDATE. */
public record UpdateStmt(
        RangeVar relation,
        List<ResTarget> targetList,
        Expr whereClause,
        List<FromItem> fromClause,
        List<ResTarget> returningList,
        WithClause withClause) implements Statement {}
