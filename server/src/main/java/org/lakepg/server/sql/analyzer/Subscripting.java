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

    /** {@code SET c.f = v}: a new row of c's type with field f replaced (other fields copied; NULL row gives NULLs). */
    private BoundExpr assignField(BoundExpr current, List<Indirection> steps, BoundExpr value, int location) {
        String name = ((org.lakepg.server.sql.ast.FieldName) steps.get(0)).name();
        var attributes = RowExpressions.attributes(catalog, current.type()).orElseThrow(() -> Coercer.at(
                PgException.of(SqlState.DATATYPE_MISMATCH,
                        "cannot assign to field \"%s\" of column because its type %s is not a composite type", name,
                        TypeNames.format(catalog, current.type())), location));
        List<BoundExpr> fields = new ArrayList<>();
        boolean found = false;
        for (int i = 0; i < attributes.size(); i++) {
            var a = attributes.get(i);
            BoundExpr old = RowExpressions.field(current, a.name(), location, catalog);
            if (a.name().equals(name)) {
                found = true;
                BoundExpr v = steps.size() > 1 ? assignField(old, steps.subList(1, steps.size()), value, location)
                        : expressions.coercer().tryCoerce(value, a.type(), a.typmod(), TypeCoercion.Context.ASSIGNMENT,
                        location).orElseThrow(() -> Coercer.at(PgException.of(SqlState.DATATYPE_MISMATCH,
                        "subfield \"%s\" is of type %s but expression is of type %s", name,
                        TypeNames.format(catalog, a.type()), TypeNames.format(catalog, value.type()))
                        .withHint("You will need to rewrite or cast the expression."), location));
                fields.add(v);
            } else {
                fields.add(old);
            }
        }
        if (!found) {
            throw Coercer.at(PgException.of(SqlState.UNDEFINED_COLUMN,
                    "cannot assign to field \"%s\" of column because there is no such column in data type %s", name,
                    TypeNames.format(catalog, current.type())), location);
        }
        long base = expressions.coercer().rules().baseType(current.type());
        BoundExpr row = RowExpressions.constructor(fields, base);
        // a domain over the composite type checks the new row
        return base == current.type() ? row
                : expressions.coercer().coerce(row, current.type(), -1, TypeCoercion.Context.ASSIGNMENT, location);
    }

    private BoundExpr integer(org.lakepg.server.sql.ast.Expr e, Scope scope) {
        BoundExpr value = expressions.analyze(e, scope);
        int location = ExpressionAnalyzer.location(e);
        return expressions.coercer().tryCoerce(value, TypeOids.INT4, -1, TypeCoercion.Context.ASSIGNMENT, location)
                .orElseThrow(() -> Coercer.at(PgException.of(SqlState.DATATYPE_MISMATCH,
                        "array subscript must have type integer"), location));
    }

    /** {@code SET a[i] = value}: one plain subscript of a one-dimensional array, the value coerced to its element type. */
    BoundExpr assign(BoundExpr current, List<Indirection> steps, org.lakepg.server.sql.ast.Expr value, Scope scope) {
        if (current.type() == TypeOids.JSONB && !steps.isEmpty() && steps.get(0) instanceof AIndices) {
            return new JsonbSubscripts(expressions, catalog).assign(current, steps, value, scope);
        }
        if (!steps.isEmpty() && steps.stream().allMatch(s -> s instanceof org.lakepg.server.sql.ast.FieldName)) {
            return assignField(current, steps, expressions.analyzeWithoutAggregates(value, scope, "UPDATE"),
                    ExpressionAnalyzer.location(value));
        }
        if (steps.size() != 1 || !(steps.get(0) instanceof AIndices indices) || indices.isSlice()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "assignment to slices, fields or several subscripts is not supported yet");
        }
        long element = catalog.type(current.type()).map(t -> t.elementType()).orElse(0L);
        if (element == 0) {
            throw PgException.of(SqlState.DATATYPE_MISMATCH, "cannot subscript type %s because it does not support subscripting",
                    TypeNames.format(catalog, current.type()));
        }
        BoundExpr v = expressions.analyzeWithoutAggregates(value, scope, "UPDATE");
        v = expressions.coercer().coerce(v, element, -1, TypeCoercion.Context.ASSIGNMENT, ExpressionAnalyzer.location(value));
        return new org.lakepg.server.sql.plan.expr.SubscriptAssignExpr(current, integer(indices.uidx(), scope), v);
    }
}
