package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.ast.AIndices;
import org.lakepg.server.sql.ast.AIndirection;
import org.lakepg.server.sql.ast.Indirection;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.SubscriptExpr;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Array subscripts and slices (PostgreSQL's transformContainerSubscripts): subscripts become int4,
 * and once any subscript is a slice, a plain {@code [i]} among them means {@code [1:i]}.
 */
final class Subscripting {
    private final ExpressionAnalyzer expressions;
    private final AnalyzerCatalog catalog;

    Subscripting(ExpressionAnalyzer expressions, AnalyzerCatalog catalog) {
        this.expressions = expressions;
        this.catalog = catalog;
    }

    BoundExpr analyze(AIndirection indirection, Scope scope) {
        BoundExpr base = expressions.analyze(indirection.arg(), scope);
        List<AIndices> subscripts = new ArrayList<>();
        for (Indirection step : indirection.indirection()) {
            if (step instanceof org.lakepg.server.sql.ast.FieldName field) {
                // (x).f: subscripts before it apply first
                if (!subscripts.isEmpty()) {
                    base = subscript(base, subscripts, indirection, scope);
                    subscripts = new ArrayList<>();
                }
                base = RowExpressions.field(base, field.name(), ExpressionAnalyzer.location(indirection.arg()), catalog);
                continue;
            }
            if (!(step instanceof AIndices indices)) {
                throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "expanding a row with .* is not supported here yet"), ExpressionAnalyzer.location(indirection.arg()));
            }
            subscripts.add(indices);
        }
        return subscripts.isEmpty() ? base : subscript(base, subscripts, indirection, scope);
    }

    private BoundExpr subscript(BoundExpr base, List<AIndices> subscripts, AIndirection indirection, Scope scope) {
        if (base.type() == TypeOids.JSONB) {
            return new JsonbSubscripts(expressions, catalog).fetch(base, subscripts, scope);
        }
        long element = catalog.type(base.type()).map(t -> t.elementType()).orElse(0L);
        if (element == 0 || base.type() == TypeOids.UNKNOWN) {
            throw Coercer.at(PgException.of(SqlState.DATATYPE_MISMATCH,
                    "cannot subscript type %s because it does not support subscripting",
                    TypeNames.format(catalog, base.type())), ExpressionAnalyzer.location(indirection.arg()));
        }
        if (subscripts.size() > org.lakepg.wire.types.PgArray.MAX_DIMENSIONS) {
            throw PgException.of(SqlState.PROGRAM_LIMIT_EXCEEDED,
                    "number of array dimensions (%d) exceeds the maximum allowed (%d)", subscripts.size(),
                    org.lakepg.wire.types.PgArray.MAX_DIMENSIONS);
        }
        boolean slice = subscripts.stream().anyMatch(AIndices::isSlice);
        List<BoundExpr> lower = new ArrayList<>();
        List<BoundExpr> upper = new ArrayList<>();
        for (AIndices s : subscripts) {
            if (slice) {
                lower.add(s.isSlice() ? s.lidx() == null ? null : integer(s.lidx(), scope) : new Const(TypeOids.INT4, -1, 1));
            } else {
                lower.add(null);
            }
            upper.add(s.uidx() == null ? null : integer(s.uidx(), scope));
        }
        return new SubscriptExpr(base, lower, upper, slice, slice ? base.type() : element);
    }

    private BoundExpr integer(org.lakepg.server.sql.ast.Expr e, Scope scope) {
        BoundExpr value = expressions.analyze(e, scope);
        int location = ExpressionAnalyzer.location(e);
        return expressions.coercer().tryCoerce(value, TypeOids.INT4, -1, TypeCoercion.Context.ASSIGNMENT, location)
                .orElseThrow(() -> Coercer.at(PgException.of(SqlState.DATATYPE_MISMATCH,
                        "array subscript must have type integer"), location));
    }
}
