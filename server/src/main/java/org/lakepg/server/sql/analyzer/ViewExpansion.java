package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lakepg.server.catalog.objects.ViewInfo;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.ViewStmt;
import org.lakepg.server.sql.parser.SqlParser;
import org.lakepg.server.sql.plan.OutputColumn;

/**
 * A view named in FROM replaced by its query, as PostgreSQL's rewriter does: the stored CREATE VIEW text
 * is parsed (once per definition) and its query analyzed as a subquery that sees no outer names; its
 * columns take the view's column names.
 */
public final class ViewExpansion {
    private static final Map<String, SelectStmt> QUERIES = new ConcurrentHashMap<>();

    private ViewExpansion() {}

    /** The defining query of a view. */
    public static SelectStmt query(ViewInfo view) {
        return QUERIES.computeIfAbsent(view.statement(), text -> {
            var statement = SqlParser.parse(text).get(0).statement();
            if (statement instanceof ViewStmt v && v.query() instanceof SelectStmt select) {
                return select;
            }
            if (statement instanceof org.lakepg.server.sql.ast.CreateTableAsStmt c
                    && c.query() instanceof SelectStmt select) {
                return select;
            }
            throw new IllegalStateException("not a view definition: " + text);
        });
    }

    static Relation expand(ExpressionAnalyzer expressions, ParameterTypes parameters, AnalyzerCatalog catalog,
                           ViewInfo view) {
        // the view's name is a value of its row type (select v from v): the type must be known to print it
        catalog.userType(view.oid());
        if (view.materialized()) {
            return stored(catalog, view);
        }
        Relation body = catalog.expandingView(view,
                () -> new QueryAnalyzer(expressions, parameters, catalog, null).query(query(view)));
        List<OutputColumn> columns = new ArrayList<>();
        for (int i = 0; i < body.columns().size(); i++) {
            OutputColumn c = body.columns().get(i);
            String name = i < view.columns().size() ? view.columns().get(i).name() : c.name();
            columns.add(new OutputColumn(name, c.type(), c.typmod(), view.oid(), (short) (i + 1)));
        }
        return new Relation(body.plan(), columns);
    }

    /** A materialized view reads the rows it stored. */
    private static Relation stored(AnalyzerCatalog catalog, ViewInfo view) {
        if (!view.populated()) {
            throw org.lakepg.wire.error.PgException.of(org.lakepg.wire.error.SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "materialized view \"%s\" has not been populated", view.name())
                    .withHint("Use the REFRESH MATERIALIZED VIEW command.");
        }
        var table = catalog.materializedRows(view).orElseThrow(() -> new IllegalStateException(
                "materialized view " + view.name() + " has no storage"));
        List<OutputColumn> columns = new ArrayList<>();
        for (var c : view.columns()) {
            columns.add(new OutputColumn(c.name(), c.type(), c.typmod(), view.oid(), c.number()));
        }
        return new Relation(new org.lakepg.server.sql.plan.SeqScanNode(table, false), columns);
    }
}
