package org.lakepg.server.catalog;

/** A row of pg_aggregate: how an aggregate function is computed (procedure OIDs, 0 when absent). */
public record AggregateEntry(
        long function,
        char kind,
        int directArgumentCount,
        long transitionFunction,
        long finalFunction,
        long combineFunction,
        long serialFunction,
        long deserialFunction,
        boolean finalExtra,
        long sortOperator,
        long transitionType,
        String initialValue) {
}
