package org.lakepg.server.sql.ast;

import java.util.List;

/** GROUPING(a, b). */
public record GroupingFunc(List<Expr> args, int location) implements Expr {}
