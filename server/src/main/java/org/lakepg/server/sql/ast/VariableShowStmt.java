package org.lakepg.server.sql.ast;

/** SHOW name; SHOW ALL has name "all"; SHOW TIME ZONE is "timezone", as PostgreSQL. */
public record VariableShowStmt(String name) implements Statement {}
