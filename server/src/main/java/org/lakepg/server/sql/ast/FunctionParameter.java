package org.lakepg.server.sql.ast;

/** One parameter of CREATE FUNCTION. */
public record FunctionParameter(String name, TypeName argType, Mode mode, Expr defexpr) {
    public enum Mode { IN, OUT, INOUT, VARIADIC, TABLE, DEFAULT }
}
