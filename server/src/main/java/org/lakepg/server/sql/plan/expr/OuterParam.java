package org.lakepg.server.sql.plan.expr;

/**
 * A value handed down from an enclosing query (a correlated subquery's outer column, or a LATERAL
 * item's reference to an earlier FROM item): PostgreSQL's PARAM_EXEC. {@code id} is unique within
 * the statement; whoever runs the subplan sets it before each run ({@link Correlation}).
 */
public record OuterParam(int id, long type, int typmod, String name) implements BoundExpr {
}
