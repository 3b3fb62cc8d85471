package org.lakepg.server.sql.ast;

/** A named argument {@code name => value}. */
public record NamedArgExpr(String name, Expr arg, int location) implements Expr {}
