package org.lakepg.server.sql.ast;

import java.util.List;

/** ROW(...) or an implicit row (a, b). */
public record RowExpr(List<Expr> args, boolean explicitRow, int location) implements Expr {}
