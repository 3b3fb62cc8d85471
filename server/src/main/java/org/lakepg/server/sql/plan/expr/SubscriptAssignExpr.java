package org.lakepg.server.sql.plan.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code SET a[i][j] = value} / {@code SET a[l:u] = value} (PostgreSQL's SubscriptingRef with refassgnexpr): the
 * container with the element or slice replaced. Subscripts follow {@link SubscriptExpr}'s layout: one entry per
 * subscript in {@code lower} and {@code upper}; a left-out slice bound is null, an element uses only {@code upper}.
 * The executor dispatches on the container's type (arrays, fixed-length arrays like point; jsonb plugs in there).
 */
public record SubscriptAssignExpr(BoundExpr container, List<BoundExpr> lower, List<BoundExpr> upper, boolean slice,
                                  BoundExpr value) implements BoundExpr {

    public SubscriptAssignExpr {
        lower = Collections.unmodifiableList(new ArrayList<>(lower));
        upper = Collections.unmodifiableList(new ArrayList<>(upper));
    }

    /** The same assignment with every sub-expression passed through {@code f} (for expression rewriters). */
    public SubscriptAssignExpr map(UnaryOperator<BoundExpr> f) {
        return new SubscriptAssignExpr(f.apply(container), lower.stream().map(b -> b == null ? null : f.apply(b)).toList(),
                upper.stream().map(b -> b == null ? null : f.apply(b)).toList(), slice, f.apply(value));
    }

    @Override
    public long type() {
        return container.type();
    }

    @Override
    public int typmod() {
        return container.typmod();
    }
}
