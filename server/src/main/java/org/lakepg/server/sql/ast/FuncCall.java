package org.lakepg.server.sql.ast;

import java.util.List;

/** A function call, including aggregates and window calls. */
public record FuncCall(
        List<String> funcname,
        List<Expr> args,
        List<SortBy> aggOrder,
        Expr aggFilter,
        WindowDef over,
        boolean aggWithinGroup,
        boolean aggStar,
        boolean aggDistinct,
        boolean funcVariadic,
        CoercionForm funcformat,
        int location) implements Expr {
    public enum CoercionForm { EXPLICIT_CALL, EXPLICIT_CAST, IMPLICIT_CAST, SQL_SYNTAX }
}
