package org.lakepg.server.sql.plan.expr;

/**
 * {@code left op ANY (array)} / {@code left op ALL (array)}: {@code comparison} is evaluated on the
 * two-value row [left value, element] for each element, with SQL's three-valued logic.
 */
public record ScalarArrayOpExpr(boolean any, String operator, BoundExpr left, BoundExpr array, BoundExpr comparison)
        implements BoundExpr {

    @Override
    public long type() {
        return org.lakepg.server.catalog.TypeOids.BOOL;
    }

    @Override
    public int typmod() {
        return -1;
    }
}
