package org.lakepg.server.sql.plan.expr;

/**
 * An array converted element by element ({@code numeric[]} to {@code float8[]}, {@code int4[]} to {@code text[]}):
 * {@code elementCast} converts one element, which it reads as {@code InputRef(0)} of a one-column row of its own,
 * so rewriters of the outer row must leave it alone.
 */
public record ArrayCoerceExpr(BoundExpr argument, BoundExpr elementCast, long type, int typmod) implements BoundExpr {
}
