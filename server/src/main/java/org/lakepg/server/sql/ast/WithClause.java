package org.lakepg.server.sql.ast;

import java.util.List;

/** WITH [RECURSIVE] .... */
public record WithClause(List<CommonTableExpr> ctes, boolean recursive, int location) {}
