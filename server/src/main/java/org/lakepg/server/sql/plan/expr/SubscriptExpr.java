package org.lakepg.server.sql.plan.expr;

import java.util.List;

/**
 * {@code array[i][j]} (an element, {@code slice} false) or {@code array[l:u]} (a slice): one entry
 * per subscript in {@code lower} and {@code upper}; a slice bound left out is null, and for an
 * element only {@code upper} is used.
 */
public record SubscriptExpr(BoundExpr array, List<BoundExpr> lower, List<BoundExpr> upper, boolean slice, long type)
        implements BoundExpr {

    public SubscriptExpr {
        lower = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(lower));
        upper = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(upper));
    }

    @Override
    public int typmod() {
        return -1;
    }
}
