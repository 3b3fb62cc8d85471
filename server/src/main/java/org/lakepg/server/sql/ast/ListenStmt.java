package org.lakepg.server.sql.ast;

/** LISTEN channel. */
public record ListenStmt(String conditionname) implements Statement {}
