package org.lakepg.server.sql.analyzer;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.server.function.scalar.RowFunctions;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.MultiAssignRef;
import org.lakepg.server.sql.ast.RowExpr;
import org.lakepg.server.sql.ast.SubLink;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The values of {@code SET (a, b) = (SELECT ...)} and {@code SET (a, b) = ROW(...)} (PostgreSQL's
 * transformMultiAssignRef): the source is analyzed once per statement, and each column takes its field of it.
 * A sub-SELECT runs as one scalar subquery giving a row (at most one row, NULLs when none).
 */
final class MultiAssignments {
    /** A sub-SELECT as one row-valued scalar subquery, with the subquery's columns. */
    record RowSubquery(SubqueryExpr value, List<OutputColumn> columns) {}

    private final ExpressionAnalyzer expressions;
    private final AnalyzerCatalog catalog;
    private final Scope scope;
    private final String context;
    private final Map<Expr, List<BoundExpr>> sources = new IdentityHashMap<>();

    MultiAssignments(ExpressionAnalyzer expressions, AnalyzerCatalog catalog, Scope scope, String context) {
        this.expressions = expressions;
        this.catalog = catalog;
        this.scope = scope;
        this.context = context;
    }

    /** The value one column of the multiple-column assignment takes. */
    BoundExpr value(MultiAssignRef ref) {
        return sources.computeIfAbsent(ref.source(), s -> fields(s, ref.ncolumns())).get(ref.colno() - 1);
    }

    private List<BoundExpr> fields(Expr source, int columns) {
        if (source instanceof SubLink l && l.kind() == SubLink.Kind.EXPR) {
            RowSubquery sub = expressions.multiColumnSubquery(l, scope);
            if (sub.columns().size() != columns) {
                throw mismatch(l.location());
            }
            return java.util.stream.IntStream.range(0, columns).<BoundExpr>mapToObj(i -> new FuncExpr(
                    RowFunctions.FIELD_OID, RowFunctions.FIELD, RowFunctions.FIELD, FuncExpr.Form.CALL,
                    List.of(sub.value(), new Const(org.lakepg.server.catalog.TypeOids.INT4, -1, i)), true, 'i',
                    sub.columns().get(i).type(), sub.columns().get(i).typmod())).toList();
        }
        if (source instanceof RowExpr r) {
            List<BoundExpr> args = new java.util.ArrayList<>();
            for (Expr arg : r.args()) {
                BoundExpr field = expressions.analyzeWithoutAggregates(arg, scope, context);
                if (arg instanceof org.lakepg.server.sql.ast.ColumnRef c && c.star()) {
                    args.addAll(expand(field, c.location()));
                } else {
                    args.add(field);
                }
            }
            if (args.size() != columns) {
                throw mismatch(r.location());
            }
            return args;
        }
        throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                "source for a multiple-column UPDATE item must be a sub-SELECT or ROW() expression"),
                ExpressionAnalyzer.location(source));
    }

    /** {@code ROW(v.*)}: the fields of v's row, one argument each. */
    private List<BoundExpr> expand(BoundExpr row, int location) {
        if (RowExpressions.isConstructor(row)) {
            return ((FuncExpr) row).arguments();
        }
        var attributes = RowExpressions.attributes(catalog, row.type());
        if (attributes.isEmpty()) {
            return List.of(row);
        }
        return attributes.get().stream().map(a -> RowExpressions.field(row, a.name(), location, catalog))
                .toList();
    }

    private static PgException mismatch(int location) {
        return Coercer.at(PgException.of(SqlState.SYNTAX_ERROR, "number of columns does not match number of values"),
                location);
    }
}
