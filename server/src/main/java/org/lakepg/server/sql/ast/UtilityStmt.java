package org.lakepg.server.sql.ast;

import java.util.List;

/**
 * Generic fallback for rarely used utility commands the parser does not model in detail: the leading keywords
 * that identify the command and its exact text. Its presence is counted separately in the regression report.
 */
public record UtilityStmt(List<String> command, String text) implements Statement {}
