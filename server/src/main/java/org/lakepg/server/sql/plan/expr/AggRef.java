package org.lakepg.server.sql.plan.expr;

/**
 * The result of the {@code index}-th aggregate of the query level being analyzed; replaced by a
 * reference to the aggregate node's output before planning ends.
 */
public record AggRef(int index, long type, int typmod) implements BoundExpr {
}
