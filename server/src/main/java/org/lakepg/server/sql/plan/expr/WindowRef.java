package org.lakepg.server.sql.plan.expr;

/** The result of window call {@code index} of a query level, until the analyzer points it at its WindowAgg's column. */
public record WindowRef(int index, long type, int typmod) implements BoundExpr {
}
