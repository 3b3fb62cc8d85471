package org.lakepg.server.sql.ast;

/** One column's share of {@code SET (a, b) = (source)}. */
public record MultiAssignRef(Expr source, int colno, int ncolumns) implements Expr {}
