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
        String initialValue,
        MovingAggregate moving) {

    /**
     * The moving-aggregate implementation (CREATE AGGREGATE's MSFUNC, MINVFUNC, MFINALFUNC, MFINALFUNC_EXTRA,
     * MSTYPE, MINITCOND), used by window frames whose start moves: the inverse function removes a row from the state.
     */
    public record MovingAggregate(long transitionFunction, long inverseFunction, long finalFunction, boolean finalExtra,
                                  long transitionType, String initialValue) {}
}
