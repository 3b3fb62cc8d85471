package org.lakepg.server.sql.plan.expr;

/** {@code $n} of a prepared statement (1-based), with the type it was resolved to. */
public record ParamRef(int number, long type, int typmod) implements BoundExpr {
}
