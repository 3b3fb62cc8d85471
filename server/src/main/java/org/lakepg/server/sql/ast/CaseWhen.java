package org.lakepg.server.sql.ast;

/** One WHEN ... THEN ... arm of a CASE. */
public record CaseWhen(Expr expr, Expr result, int location) {}
