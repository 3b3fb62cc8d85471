package org.lakepg.server.sql.ast;

/** ON COMMIT behaviour of a temporary table. */
public record OnCommitAction(Kind kind) {
    public enum Kind { NOOP, PRESERVE_ROWS, DELETE_ROWS, DROP }
}
