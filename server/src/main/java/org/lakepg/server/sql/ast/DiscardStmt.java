package org.lakepg.server.sql.ast;

/** DISCARD ALL / PLANS / SEQUENCES / TEMP. */
public record DiscardStmt(Target target) implements Statement {
    public enum Target { ALL, PLANS, SEQUENCES, TEMP }
}
