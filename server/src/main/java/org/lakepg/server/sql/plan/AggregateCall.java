package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * One aggregate in a grouped query, computed as pg_aggregate says: a transition function over a
 * state that starts at {@code initialValue} (already in the state type; null = NULL), and an
 * optional final function. {@code filter} is the FILTER (WHERE ...) condition or null;
 * {@code argumentOrder} orders argument rows for DISTINCT (empty otherwise).
 */
public record AggregateCall(
        long function,
        String name,
        List<BoundExpr> arguments,
        boolean distinct,
        List<SortKey> argumentOrder,
        BoundExpr filter,
        long transitionFunction,
        String transitionSource,
        boolean transitionStrict,
        long stateType,
        Object initialValue,
        long finalFunction,
        String finalSource,
        boolean finalStrict,
        boolean finalExtra,
        long resultType) {

    public AggregateCall {
        arguments = List.copyOf(arguments);
        argumentOrder = List.copyOf(argumentOrder);
    }
}
