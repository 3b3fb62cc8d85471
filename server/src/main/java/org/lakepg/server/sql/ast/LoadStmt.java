package org.lakepg.server.sql.ast;

/** LOAD 'file'. */
public record LoadStmt(String filename) implements Statement {}
