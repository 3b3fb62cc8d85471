package org.lakepg.server.sql.ast;

import java.util.List;

/** COALESCE(...). */
public record CoalesceExpr(List<Expr> args, int location) implements Expr {}
