package org.lakepg.server.sql.ast;

/** RESTRICT (the default) or CASCADE. */
public record DropBehavior(Kind kind) {
    public enum Kind { RESTRICT, CASCADE }
}
