package org.lakepg.server.sql.ast;

import java.util.List;

/** CASE [arg] WHEN ... THEN ... [ELSE ...] END. */
public record CaseExpr(Expr arg, List<CaseWhen> whens, Expr defresult, int location) implements Expr {}
