package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.catalog.types.UserType;
import org.lakepg.server.sql.ast.AIndirection;
import org.lakepg.server.sql.ast.AStar;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** {@code (x).*} in a select list: one column per field of the composite value x, named after the field. */
final class RowStar {
    private RowStar() {}

    record Field(String name, BoundExpr expr) {}

    static boolean is(Expr e) {
        return e instanceof AIndirection ind && !ind.indirection().isEmpty()
                && ind.indirection().get(ind.indirection().size() - 1) instanceof AStar;
    }

    static List<Field> expand(AIndirection ind, Scope scope, ExpressionAnalyzer expressions, AnalyzerCatalog catalog,
                              AggregateCollector aggregates) {
        List<org.lakepg.server.sql.ast.Indirection> before = ind.indirection().subList(0, ind.indirection().size() - 1);
        Expr baseExpr = before.isEmpty() ? ind.arg() : new AIndirection(ind.arg(), List.copyOf(before));
        BoundExpr base = aggregates == null ? expressions.analyze(baseExpr, scope)
                : expressions.analyzeWithAggregates(baseExpr, scope, aggregates);
        int location = ExpressionAnalyzer.location(ind.arg());
        List<Field> out = new ArrayList<>();
        if (base instanceof FuncExpr f && base.type() == TypeOids.RECORD && RowExpressions.isConstructor(base)) {
            for (int i = 0; i < f.arguments().size(); i++) {
                out.add(new Field("f" + (i + 1), f.arguments().get(i)));
            }
            return out;
        }
        var attributes = RowExpressions.attributes(catalog, base.type());
        if (attributes.isEmpty()) {
            if (base.type() == TypeOids.RECORD) {
                throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "expanding a record of unknown shape with .* is not supported yet"), location);
            }
            throw Coercer.at(PgException.of(SqlState.WRONG_OBJECT_TYPE, "type %s is not composite",
                    TypeNames.format(catalog, base.type())), location);
        }
        for (UserType.Attribute a : attributes.get()) {
            out.add(new Field(a.name(), RowExpressions.field(base, a.name(), location, catalog)));
        }
        return out;
    }
}
