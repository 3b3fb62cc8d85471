package org.lakepg.server.sql.ast;

/** DEFAULT as a value in INSERT/UPDATE. */
public record SetToDefault(int location) implements Expr {}
