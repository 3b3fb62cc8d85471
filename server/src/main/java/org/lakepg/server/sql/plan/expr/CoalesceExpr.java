package org.lakepg.server.sql.plan.expr;

import java.util.List;

/** COALESCE(a, b, ...): the first non-NULL argument, evaluating lazily. */
public record CoalesceExpr(List<BoundExpr> arguments, long type, int typmod) implements BoundExpr {

    public CoalesceExpr {
        arguments = List.copyOf(arguments);
    }
}
