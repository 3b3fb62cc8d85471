package org.lakepg.server.sql.plan.expr;

import org.lakepg.server.catalog.TypeOids;

/** {@code x IS [NOT] NULL}. */
public record NullTest(BoundExpr argument, boolean negated) implements BoundExpr {

    @Override
    public long type() {
        return TypeOids.BOOL;
    }

    @Override
    public int typmod() {
        return -1;
    }
}
