package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * One window function call: a built-in window function ({@code source} names its code, e.g.
 * {@code window_rank}) or an aggregate over the frame ({@code aggregate} set, {@code source} null).
 */
public record WindowCall(String name, String source, List<BoundExpr> arguments, AggregateCall aggregate, long type) {

    public WindowCall {
        arguments = List.copyOf(arguments);
    }
}
