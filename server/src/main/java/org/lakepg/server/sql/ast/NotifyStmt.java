package org.lakepg.server.sql.ast;

/** NOTIFY channel [, payload]. */
public record NotifyStmt(String conditionname, String payload) implements Statement {}
