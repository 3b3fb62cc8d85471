package org.lakepg.server.sql.deparse;

import java.util.List;
import java.util.Optional;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.sql.ast.CreateTableAsStmt;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.ViewStmt;
import org.lakepg.server.sql.parser.SqlParser;
import org.lakepg.server.table.ColumnInfo;

/**
 * pg_get_viewdef's text of a view, re-deparsed from the view's stored CREATE statement by {@link QueryDeparser} in
 * PostgreSQL's layouts:
 * <pre>
 *  SELECT t.a,
 *     t.b AS c
 *    FROM t
 *   WHERE (t.a &gt; 1)
 *   ORDER BY t.a;
 * </pre>
 * Empty for a query shape it does not deparse, which the caller then shows as written.
 */
public final class ViewDeparser {
    private ViewDeparser() {}

    /** How to print a view again in another layout, by its plain form (pg_get_viewdef(view, true), wrap columns). */
    private static final java.util.Map<String, java.util.function.BiFunction<Boolean, Integer, String>> LAYOUTS =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(
                        java.util.Map.Entry<String, java.util.function.BiFunction<Boolean, Integer, String>> eldest) {
                    return size() > 256;
                }
            });

    /**
     * The plain form (pg_get_viewdef(view), pg_views.definition) of a view's query, every name resolved through
     * {@code catalog} along {@code viewPath} (the schemas the view was made under) and qualified unless the
     * session's search path finds it; empty for a query this deparser cannot print (the caller then shows the text
     * as written).
     */
    public static Optional<String> deparse(String createStatement, List<ColumnInfo> viewColumns, List<Long> viewPath,
                                           org.lakepg.server.sql.analyzer.AnalyzerCatalog catalog,
                                           java.util.function.LongFunction<String> schemaNames,
                                           FunctionContext context) {
        try {
            Statement statement = SqlParser.parse(createStatement).get(0).statement();
            Statement query = switch (statement) {
                case ViewStmt v -> v.query();
                case CreateTableAsStmt c -> c.query();
                default -> null;
            };
            if (!(query instanceof SelectStmt select)) {
                return Optional.empty();
            }
            List<String> names = viewColumns.stream().map(ColumnInfo::name).toList();
            List<Long> sessionPath = catalog.searchPathSchemas();
            java.util.function.BiFunction<Boolean, Integer, String> layout = (pretty, wrap) -> catalog.withSearchPath(
                    viewPath, () -> new QueryDeparser(catalog, WireTypeIO.INSTANCE, context, schemaNames)
                            .shownAlong(sessionPath).view(select, names, pretty, wrap));
            String plain = layout.apply(false, 0);
            LAYOUTS.put(plain, layout);
            return Optional.of(plain);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** pg_get_viewdef(view, true): the pretty form of a plain definition this class made, else the text itself. */
    public static String pretty(String plain) {
        return layout(plain, true, 0);
    }

    /** pg_get_viewdef(view, wrap column): pretty, wrapping the select and FROM lists past that column. */
    public static String pretty(String plain, int wrapColumn) {
        return layout(plain, true, wrapColumn);
    }

    private static String layout(String plain, boolean pretty, int wrapColumn) {
        var layout = plain == null ? null : LAYOUTS.get(plain);
        if (layout == null) {
            return plain;
        }
        try {
            return layout.apply(pretty, wrapColumn);
        } catch (RuntimeException e) {
            return plain;
        }
    }
}
