package org.lakepg.server.sql.ast;

/** UNLISTEN channel / * (null). */
public record UnlistenStmt(String conditionname) implements Statement {}
