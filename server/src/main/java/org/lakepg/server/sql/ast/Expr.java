package org.lakepg.server.sql.ast;

/**
 * An expression node as the grammar produces it, before any name or type is resolved. Every node keeps its
 * 0-based source offset ({@code -1} when unknown) for error positions.
 */
public sealed interface Expr permits
        AConst, ColumnRef, ParamRef, AExpr, ExprList, BoolExpr, FuncCall, NamedArgExpr, TypeCast, NullTest,
        BooleanTest, SubLink, CaseExpr, CoalesceExpr, MinMaxExpr, RowExpr, AArrayExpr, AIndirection,
        CollateClause, SQLValueFunction, GroupingFunc, GroupingSet, SetToDefault, CurrentOfExpr,
        MultiAssignRef, XmlExpr {
}
