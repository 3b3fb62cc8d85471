package org.lakepg.server.sql.ast;

/** DEALLOCATE [PREPARE] name / ALL (name null). */
public record DeallocateStmt(String name) implements Statement {}
