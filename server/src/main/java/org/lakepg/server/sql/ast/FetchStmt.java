package org.lakepg.server.sql.ast;

/** FETCH / MOVE; howMany is Long.MAX_VALUE for ALL. */
public record FetchStmt(Direction direction, long howMany, String portalname, boolean ismove) implements Statement {
    public enum Direction { FORWARD, BACKWARD, ABSOLUTE, RELATIVE }
}
