package org.lakepg.server.sql.ast;

/** RETURN expr inside a BEGIN ATOMIC function body. */
public record ReturnStmt(Expr returnval, int location) implements Statement {
}
