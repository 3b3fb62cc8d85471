package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * One aggregate in a grouped query, computed as pg_aggregate says: a transition function over a
 * state that starts at {@code initialValue} (already in the state type; null = NULL), and an
 * optional final function. {@code filter} is the FILTER (WHERE ...) condition or null.
 *
 * <p>{@code arguments} are, in order: the direct arguments of an ordered-set aggregate ({@code directArguments} of
 * them, evaluated once per group and passed to the final function only), the aggregated arguments (passed to the
 * transition function), and {@code sortOnlyArguments} expressions that only order the input ({@code agg(x ORDER BY
 * y)}). {@code moving} (or null) is its moving-aggregate form for window frames. When {@code argumentOrder} is not empty (DISTINCT, ORDER BY or WITHIN GROUP) the group's argument rows are
 * sorted by it, and de-duplicated for DISTINCT, before they reach the transition function.
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
        long resultType,
        int directArguments,
        int sortOnlyArguments,
        MovingAggregateCall moving) {

    public AggregateCall {
        arguments = List.copyOf(arguments);
        argumentOrder = List.copyOf(argumentOrder);
    }

    /** Number of arguments the transition function receives (after its state). */
    public int aggregatedArgumentCount() {
        return arguments.size() - directArguments - sortOnlyArguments;
    }

    /** Whether the group's input rows are sorted (and for DISTINCT de-duplicated) before aggregation. */
    public boolean sortsInput() {
        return !argumentOrder.isEmpty();
    }

    /** The same aggregate over rewritten argument and filter expressions. */
    public AggregateCall withExpressions(List<BoundExpr> newArguments, BoundExpr newFilter) {
        return new AggregateCall(function, name, newArguments, distinct, argumentOrder, newFilter, transitionFunction,
                transitionSource, transitionStrict, stateType, initialValue, finalFunction, finalSource, finalStrict,
                finalExtra, resultType, directArguments, sortOnlyArguments, moving == null ? null
                : new MovingAggregateCall(moving.forward().withExpressions(newArguments, newFilter),
                        moving.inverseFunction(), moving.inverseSource(), moving.inverseStrict()));
    }
}
