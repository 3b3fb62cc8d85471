package org.lakepg.server.sql.ast;

/** CHECKPOINT. */
public record CheckPointStmt() implements Statement {}
