package org.lakepg.server.sql.plan.expr;

/**
 * An analyzed expression: every node knows its result type (pg_type OID and typmod), every
 * function and operator is resolved to a catalog entry, every coercion is explicit. The
 * executor compiles these; EXPLAIN and view definitions print them.
 */
public sealed interface BoundExpr
        permits Const, ParamRef, InputRef, FuncExpr, BoolExpr, NullTest, CaseExpr, CoerceViaIO, RelabelType,
        CoalesceExpr, MinMaxExpr, ArrayExpr, AggRef, SubqueryExpr, OuterParam, WindowRef, SubscriptExpr, ScalarArrayOpExpr,
        SubscriptAssignExpr, ArrayCoerceExpr {

    long type();

    /** -1 when the type has no modifier. */
    int typmod();
}
