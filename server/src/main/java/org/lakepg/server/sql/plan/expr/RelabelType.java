package org.lakepg.server.sql.plan.expr;

/** A binary-coercible conversion: same value, another type (e.g. varchar to text). */
public record RelabelType(BoundExpr argument, long type, int typmod) implements BoundExpr {
}
