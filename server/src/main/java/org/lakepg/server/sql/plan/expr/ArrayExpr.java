package org.lakepg.server.sql.plan.expr;

import java.util.List;

/** ARRAY[a, b, ...] with elements already coerced to {@code elementType}. */
public record ArrayExpr(List<BoundExpr> elements, long elementType, long type) implements BoundExpr {

    public ArrayExpr {
        elements = List.copyOf(elements);
    }

    @Override
    public int typmod() {
        return -1;
    }
}
