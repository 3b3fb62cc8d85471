package org.lakepg.server.sql.ast;

/** A subquery in FROM. */
public record RangeSubselect(boolean lateral, SelectStmt subquery, Alias alias) implements FromItem {}
