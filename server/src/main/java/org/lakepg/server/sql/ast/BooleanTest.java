package org.lakepg.server.sql.ast;

/** {@code IS [NOT] TRUE/FALSE/UNKNOWN}. */
public record BooleanTest(Expr arg, Kind kind, int location) implements Expr {
    public enum Kind { IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE, IS_UNKNOWN, IS_NOT_UNKNOWN }
}
