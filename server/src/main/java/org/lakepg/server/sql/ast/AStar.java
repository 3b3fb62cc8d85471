package org.lakepg.server.sql.ast;

/** {@code .*}. */
public record AStar() implements Indirection {}
