package org.lakepg.server.sql.plan.expr;

/**
 * One value a subplan takes from its enclosing query: {@code value} is evaluated on the enclosing
 * operator's row and stored as parameter {@code id}, which the subplan reads as an {@link OuterParam}.
 */
public record Correlation(int id, BoundExpr value) {
}
