package org.lakepg.server.sql.ast;

/** A positional parameter {@code $n}. */
public record ParamRef(int number, int location) implements Expr {}
