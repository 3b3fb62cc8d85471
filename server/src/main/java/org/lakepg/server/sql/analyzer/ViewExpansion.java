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
final class ViewExpansion {
    private static final Map<String, SelectStmt> QUERIES = new ConcurrentHashMap<>();

    private ViewExpansion() {}

    /** The defining query of a view. */
    static SelectStmt query(ViewInfo view) {
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
}
