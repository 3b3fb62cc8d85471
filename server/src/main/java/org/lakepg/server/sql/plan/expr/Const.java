package org.lakepg.server.sql.plan.expr;

/** A constant in PostgreSQL's internal representation; {@code value == null} is SQL NULL. */
public record Const(long type, int typmod, Object value) implements BoundExpr {

    public boolean isNull() {
        return value == null;
    }
}
