package org.lakepg.server.sql.analyzer;

import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.table.TableInfo;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Binds the key expressions and the WHERE predicate of an index over its table's row, with PostgreSQL's checks. */
public final class IndexExpressionBinder {
    private IndexExpressionBinder() {}

    public static BoundExpr keyExpression(ExpressionAnalyzer expressions, TableInfo table, Expr e) {
        BoundExpr bound = expressions.analyzeWithoutAggregates(e, scope(table), "index expressions");
        if (!immutable(bound)) {
            throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION, "functions in index expression must be marked IMMUTABLE");
        }
        return bound;
    }

    public static BoundExpr predicate(ExpressionAnalyzer expressions, TableInfo table, Expr e) {
        BoundExpr bound = expressions.requireBoolean(expressions.analyzeWithoutAggregates(e, scope(table),
                "index predicates"), "WHERE", ExpressionAnalyzer.location(e));
        if (!immutable(bound)) {
            throw PgException.of(SqlState.INVALID_OBJECT_DEFINITION, "functions in index predicate must be marked IMMUTABLE");
        }
        return bound;
    }

    private static FromScope scope(TableInfo table) {
        return scope(table, table.name());
    }

    private static FromScope scope(TableInfo table, String alias) {
        FromScope scope = new FromScope();
        scope.addTable(alias, QueryAnalyzer.tableColumns(table), table.oid(), table.typeOid(), false);
        return scope;
    }

    /** An expression over one table's row named {@code alias} (a simple view's select list, WHERE, ORDER BY). */
    public static BoundExpr overTable(ExpressionAnalyzer expressions, TableInfo table, String alias, Expr e) {
        return expressions.analyzeWithoutAggregates(e, scope(table, alias), "view queries");
    }

    /** Whether every function the expression calls is IMMUTABLE. */
    public static boolean immutable(BoundExpr e) {
        if (e instanceof FuncExpr f && f.volatility() != 'i') {
            return false;
        }
        return children(e).stream().allMatch(IndexExpressionBinder::immutable);
    }

    private static java.util.List<BoundExpr> children(BoundExpr e) {
        return switch (e) {
            case FuncExpr f -> f.arguments();
            case org.lakepg.server.sql.plan.expr.BoolExpr b -> b.arguments();
            case org.lakepg.server.sql.plan.expr.RelabelType r -> java.util.List.of(r.argument());
            case org.lakepg.server.sql.plan.expr.CoerceViaIO c -> java.util.List.of(c.argument());
            case org.lakepg.server.sql.plan.expr.NullTest n -> java.util.List.of(n.argument());
            case org.lakepg.server.sql.plan.expr.CoalesceExpr c -> c.arguments();
            case org.lakepg.server.sql.plan.expr.MinMaxExpr m -> m.arguments();
            case org.lakepg.server.sql.plan.expr.ArrayExpr a -> a.elements();
            case org.lakepg.server.sql.plan.expr.ScalarArrayOpExpr s -> java.util.List.of(s.left(), s.array());
            default -> java.util.List.of();
        };
    }
}
