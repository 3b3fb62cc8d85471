package org.lakepg.server.sql.plan.expr;

/** A conversion through text: the argument's output function, then the target's input function. */
public record CoerceViaIO(BoundExpr argument, long type, int typmod) implements BoundExpr {
}
