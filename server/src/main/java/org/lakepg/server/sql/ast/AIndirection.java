package org.lakepg.server.sql.ast;

import java.util.List;

/** Subscripts, slices and field selection applied to an expression. */
public record AIndirection(Expr arg, List<Indirection> indirection) implements Expr {}
