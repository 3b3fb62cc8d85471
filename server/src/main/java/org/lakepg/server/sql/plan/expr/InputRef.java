package org.lakepg.server.sql.plan.expr;

/** A column of the row an operator receives, by position; {@code name} for EXPLAIN only. */
public record InputRef(int index, long type, int typmod, String name) implements BoundExpr {
}
