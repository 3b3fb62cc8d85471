package org.lakepg.server.sql.ast;

/** ALTER SYSTEM SET name {TO | =} value / ALTER SYSTEM RESET name | ALL. */
public record AlterSystemStmt(VariableSetStmt setstmt) implements Statement {
}
