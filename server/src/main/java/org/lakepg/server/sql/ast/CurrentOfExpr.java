package org.lakepg.server.sql.ast;

/** WHERE CURRENT OF cursor. */
public record CurrentOfExpr(String cursorName) implements Expr {}
