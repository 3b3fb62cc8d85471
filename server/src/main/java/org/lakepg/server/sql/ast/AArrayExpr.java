package org.lakepg.server.sql.ast;

import java.util.List;

/** ARRAY[...] (elements may be nested AArrayExprs). */
public record AArrayExpr(List<Expr> elements, int location) implements Expr {}
