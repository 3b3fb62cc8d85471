package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.ast.FuncCall;
import org.lakepg.server.sql.ast.SortBy;
import org.lakepg.server.sql.plan.SortKey;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The order an aggregate's input rows reach its transition function: {@code agg(x ORDER BY y)}, {@code agg(DISTINCT
 * x)} (sorted, then duplicates dropped) and ordered-set aggregates' {@code WITHIN GROUP (ORDER BY x)}, with
 * PostgreSQL's rules for which aggregate may have which.
 */
final class AggregateInputOrder {
    /** Arguments (the call's, then expressions only sorted by), the sort keys over them, how many are sort-only. */
    record Plan(List<BoundExpr> arguments, List<SortKey> keys, int sortOnly) {
    }

    private final AnalyzerCatalog catalog;
    private final ExpressionAnalyzer expressions;

    AggregateInputOrder(AnalyzerCatalog catalog, ExpressionAnalyzer expressions) {
        this.catalog = catalog;
        this.expressions = expressions;
    }

    /** PostgreSQL's errors for WITHIN GROUP, ORDER BY and OVER on the wrong kind of aggregate (pg_aggregate.aggkind). */
    static void check(char kind, FuncCall f, String name, boolean overWindow) {
        boolean orderedSet = kind == 'o' || kind == 'h';
        if (orderedSet && !f.aggWithinGroup()) {
            throw Coercer.at(PgException.of(SqlState.WRONG_OBJECT_TYPE,
                    "WITHIN GROUP is required for ordered-set aggregate %s", name), f.location());
        }
        if (!orderedSet && f.aggWithinGroup()) {
            throw Coercer.at(PgException.of(SqlState.WRONG_OBJECT_TYPE,
                    "%s is not an ordered-set aggregate, so it cannot have WITHIN GROUP", name), f.location());
        }
        if (orderedSet && overWindow) {
            throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "OVER is not supported for ordered-set aggregate %s", name), f.location());
        }
        if (!f.aggOrder().isEmpty() && overWindow) {
            throw Coercer.at(PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "aggregate ORDER BY is not implemented for window functions"), f.location());
        }
    }

    /**
     * @param direct   number of direct arguments (ordered-set aggregates; they are not sorted)
     * @param analyzed the arguments as analyzed, before coercion (DISTINCT matches ORDER BY items against them)
     * @param coerced  the arguments coerced to the aggregate's argument types
     */
    Plan plan(FuncCall f, int direct, List<BoundExpr> analyzed, List<BoundExpr> coerced, Scope scope) {
        List<SortKey> keys = new ArrayList<>();
        if (f.aggWithinGroup()) {
            for (int i = 0; i < f.aggOrder().size(); i++) {
                keys.add(key(f.aggOrder().get(i), direct + i, coerced.get(direct + i).type()));
            }
            return new Plan(coerced, keys, 0);
        }
        List<BoundExpr> arguments = new ArrayList<>(coerced);
        boolean[] keyed = new boolean[coerced.size()];
        for (SortBy by : f.aggOrder()) {
            BoundExpr e = expressions.analyze(by.node(), scope);
            if (ExpressionAnalyzer.containsAggregate(e)) {
                throw Coercer.at(PgException.of(SqlState.GROUPING_ERROR, "aggregate function calls cannot be nested"),
                        ExpressionAnalyzer.location(by.node()));
            }
            int column = f.aggDistinct() ? analyzed.indexOf(e) : -1;
            if (f.aggDistinct() && column < 0) {
                throw Coercer.at(PgException.of(SqlState.INVALID_COLUMN_REFERENCE,
                        "in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list"),
                        ExpressionAnalyzer.leftmostLocation(by.node()));
            }
            if (column < 0) {
                column = arguments.size();
                arguments.add(e);
            } else {
                keyed[column] = true;
            }
            keys.add(key(by, column, arguments.get(column).type()));
        }
        if (f.aggDistinct()) {
            // duplicates are neighbours only when every argument is a sort key
            for (int i = 0; i < coerced.size(); i++) {
                if (!keyed[i]) {
                    keys.add(SortKeys.of(catalog, i, coerced.get(i).type(), false, false, f.location()));
                }
            }
        }
        return new Plan(arguments, keys, arguments.size() - coerced.size());
    }

    private boolean patternOrdering(String op, long type) {
        return (op.equals("~<~") || op.equals("~>~"))
                && catalog.type(type).map(t -> t.category() == 'S').orElse(false);
    }

    private SortKey key(SortBy by, int column, long type) {
        boolean descending = by.dir() == SortBy.SortDir.DESC;
        if (by.dir() == SortBy.SortDir.USING) {
            String op = by.useOp().get(by.useOp().size() - 1);
            if (patternOrdering(op, type)) {
                // text_pattern_ops' ~<~ / ~>~ compare bytes: lakepg's text order (C collation) already does
                op = op.equals("~<~") ? "<" : ">";
            }
            if (!op.equals("<") && !op.equals(">")) {
                throw Coercer.at(PgException.of(SqlState.WRONG_OBJECT_TYPE,
                        "operator %s is not a valid ordering operator", op).withHint(
                        "Ordering operators must be \"<\" or \">\" members of btree operator families."), by.location());
            }
            descending = op.equals(">");
        }
        boolean nullsFirst = by.nulls() == SortBy.SortNulls.DEFAULT ? descending : by.nulls() == SortBy.SortNulls.FIRST;
        return SortKeys.of(catalog, column, type, descending, nullsFirst, ExpressionAnalyzer.location(by.node()));
    }
}
