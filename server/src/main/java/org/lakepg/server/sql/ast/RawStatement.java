package org.lakepg.server.sql.ast;

/**
 * One statement of a query string, like PostgreSQL's RawStmt: {@code location} is the 0-based
 * offset just after the previous semicolon (0 for the first statement), {@code length} the
 * number of characters up to (not including) its terminating semicolon or the end of the text.
 */
public record RawStatement(Statement statement, int location, int length) {
}
