package org.lakepg.server.sql.ast;

/** {@code IS [NOT] NULL}, {@code ISNULL}, {@code NOTNULL}. */
public record NullTest(Expr arg, boolean isNull, int location) implements Expr {}
