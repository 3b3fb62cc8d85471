package org.lakepg.server.sql.ast;

/** {@code [i]} or a slice {@code [l:u]} (either bound may be null in a slice). */
public record AIndices(boolean isSlice, Expr lidx, Expr uidx) implements Indirection {}
