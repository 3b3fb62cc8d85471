package org.lakepg.server.sql.ast;

/** CALL procedure(args). */
public record CallStmt(FuncCall funccall) implements Statement {}
