package org.lakepg.server.sql.plan.expr;

/** {@code UPDATE ... SET a[i] = value}: the array with element {@code i} replaced (extended as needed). */
public record SubscriptAssignExpr(BoundExpr array, BoundExpr subscript, BoundExpr value) implements BoundExpr {

    @Override
    public long type() {
        return array.type();
    }

    @Override
    public int typmod() {
        return array.typmod();
    }
}
