package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.function.scalar.JsonbSubscriptAssign;
import org.lakepg.server.sql.ast.AIndices;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.Indirection;
import org.lakepg.server.sql.plan.expr.ArrayExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Subscripts of jsonb (jsonbsubs.c): {@code j['a'][0]} reads like {@code j #> '{a,0}'}; each subscript must be
 * coercible to exactly one of integer and text, slices are refused; {@code SET j['a'][0] = v} sets the path.
 */
final class JsonbSubscripts {
    private final ExpressionAnalyzer expressions;
    private final AnalyzerCatalog catalog;

    JsonbSubscripts(ExpressionAnalyzer expressions, AnalyzerCatalog catalog) {
        this.expressions = expressions;
        this.catalog = catalog;
    }

    /** The path of the subscripts as text values, and whether the first is an integer. */
    private record Path(ArrayExpr texts, boolean firstIsInteger) {}

    BoundExpr fetch(BoundExpr base, List<AIndices> subscripts, Scope scope) {
        ProcEntry extract = catalog.functions(List.of("pg_catalog", "jsonb_extract_path")).get(0);
        Path path = path(subscripts, scope);
        return new FuncExpr(extract.oid(), "jsonb_extract_path", extract.source(), FuncExpr.Form.CALL,
                List.of(base, path.texts()), true, 'i', TypeOids.JSONB, -1);
    }

    BoundExpr assign(BoundExpr current, List<Indirection> steps, Expr value, Scope scope) {
        List<AIndices> subscripts = new ArrayList<>();
        for (Indirection step : steps) {
            if (!(step instanceof AIndices indices)) {
                throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "assignment to a field of a jsonb subscript is not supported");
            }
            subscripts.add(indices);
        }
        Path path = path(subscripts, scope);
        BoundExpr v = expressions.analyzeWithoutAggregates(value, scope, "UPDATE");
        v = expressions.coercer().coerce(v, TypeOids.JSONB, -1, TypeCoercion.Context.ASSIGNMENT,
                ExpressionAnalyzer.location(value));
        return new FuncExpr(JsonbSubscriptAssign.FUNCTION_OID, "jsonb_subscript_assign", JsonbSubscriptAssign.NAME,
                FuncExpr.Form.CALL, List.of(current, path.texts(), v, new Const(TypeOids.BOOL, -1, path.firstIsInteger())),
                false, 'i', TypeOids.JSONB, -1);
    }

    private Path path(List<AIndices> subscripts, Scope scope) {
        List<BoundExpr> texts = new ArrayList<>();
        boolean firstIsInteger = false;
        for (AIndices s : subscripts) {
            if (s.isSlice()) {
                Expr at = s.uidx() != null ? s.uidx() : s.lidx();
                PgException e = PgException.of(SqlState.DATATYPE_MISMATCH, "jsonb subscript does not support slices");
                throw at == null ? e : Coercer.at(e, ExpressionAnalyzer.location(at));
            }
            BoundExpr e = expressions.analyze(s.uidx(), scope);
            int location = ExpressionAnalyzer.location(s.uidx());
            long target = TypeOids.TEXT;
            if (e.type() != TypeOids.UNKNOWN) {
                boolean toInteger = coercible(e, TypeOids.INT4, location);
                boolean toText = coercible(e, TypeOids.TEXT, location);
                if (toInteger == toText) {
                    throw Coercer.at(PgException.of(SqlState.DATATYPE_MISMATCH, "subscript type %s is not supported",
                            TypeNames.format(catalog, e.type())).withHint(toInteger
                            ? "jsonb subscript must be coercible to only one type, integer or text."
                            : "jsonb subscript must be coercible to either integer or text."), location);
                }
                target = toInteger ? TypeOids.INT4 : TypeOids.TEXT;
            }
            if (texts.isEmpty()) {
                firstIsInteger = target == TypeOids.INT4;
            }
            BoundExpr typed = expressions.coercer().coerce(e, target, -1, TypeCoercion.Context.IMPLICIT, location);
            texts.add(target == TypeOids.TEXT ? typed
                    : expressions.coercer().coerce(typed, TypeOids.TEXT, -1, TypeCoercion.Context.EXPLICIT, location));
        }
        return new Path(new ArrayExpr(texts, TypeOids.TEXT, TypeOids.TEXT_ARRAY), firstIsInteger);
    }

    private boolean coercible(BoundExpr e, long target, int location) {
        try {
            return expressions.coercer().tryCoerce(e, target, -1, TypeCoercion.Context.IMPLICIT, location).isPresent();
        } catch (PgException notCoercible) {
            return false;
        }
    }
}
