package org.lakepg.server.sql.plan;

/**
 * How a window aggregate with a moving-aggregate implementation runs over a frame whose start moves: {@code forward}
 * is the aggregate with the MSFUNC, MSTYPE, MINITCOND and MFINALFUNC, the inverse function (MINVFUNC) takes a row
 * that left the frame out of the state again; it returns NULL when it cannot, and the frame is aggregated anew.
 */
public record MovingAggregateCall(AggregateCall forward, long inverseFunction, String inverseSource,
                                  boolean inverseStrict) {
}
