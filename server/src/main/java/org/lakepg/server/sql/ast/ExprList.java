package org.lakepg.server.sql.ast;

import java.util.List;

/** A parenthesized list of expressions where the grammar wants a list (right side of IN, bounds of BETWEEN). */
public record ExprList(List<Expr> items, int location) implements Expr {}
