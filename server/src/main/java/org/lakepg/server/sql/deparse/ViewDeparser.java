package org.lakepg.server.sql.deparse;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.sql.analyzer.BuiltinAnalyzerCatalog;
import org.lakepg.server.sql.analyzer.ExpressionAnalyzer;
import org.lakepg.server.sql.analyzer.Identifiers;
import org.lakepg.server.sql.analyzer.IndexExpressionBinder;
import org.lakepg.server.sql.analyzer.ParameterTypes;
import org.lakepg.server.sql.ast.ColumnRef;
import org.lakepg.server.sql.ast.CreateTableAsStmt;
import org.lakepg.server.sql.ast.RangeVar;
import org.lakepg.server.sql.ast.ResTarget;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.SortBy;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.server.sql.ast.ViewStmt;
import org.lakepg.server.sql.parser.SqlParser;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.TableInfo;

/**
 * pg_get_viewdef's text of a view over one table, in PostgreSQL's pretty layout:
 * <pre>
 *  SELECT t.a,
 *     t.b AS c
 *    FROM t
 *   WHERE t.a &gt; 1
 *   ORDER BY t.a;
 * </pre>
 * Empty for a query shape it does not deparse (joins, grouping, set operations, CTEs ...), which the caller then
 * shows as written.
 */
public final class ViewDeparser {
    private ViewDeparser() {}

    /** Pretty forms by plain form: pg_get_viewdef(view, true) of a view whose plain text pg_views shows. */
    private static final java.util.Map<String, String> PRETTY = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, String> eldest) {
                    return size() > 1024;
                }
            });

    /** The plain form (pg_get_viewdef(view), pg_views.definition); its pretty form is then {@link #pretty}'s. */
    public static Optional<String> deparse(String createStatement, List<ColumnInfo> viewColumns,
                                           Function<RangeVar, Optional<TableInfo>> tables,
                                           java.util.function.LongFunction<String> schemaQualifier, FunctionContext context) {
        try {
            String plain = select(createStatement, viewColumns, tables, schemaQualifier, context, false);
            if (plain != null) {
                PRETTY.put(plain, select(createStatement, viewColumns, tables, schemaQualifier, context, true));
            }
            return Optional.ofNullable(plain);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** pg_get_viewdef(view, true): the pretty form of a plain definition this class made, else the text itself. */
    public static String pretty(String plain) {
        String pretty = plain == null ? null : PRETTY.get(plain);
        return pretty != null ? pretty : plain;
    }

    private static String select(String createStatement, List<ColumnInfo> viewColumns,
                                 Function<RangeVar, Optional<TableInfo>> tables,
                                 java.util.function.LongFunction<String> schemaQualifier, FunctionContext context,
                                 boolean pretty) {
        Statement statement = SqlParser.parse(createStatement).get(0).statement();
        Statement query = switch (statement) {
            case ViewStmt v -> v.query();
            case CreateTableAsStmt c -> c.query();
            default -> null;
        };
        if (!(query instanceof SelectStmt s) || s.op() != SelectStmt.SetOperation.NONE || s.withClause() != null
                || s.distinctClause() != null || s.groupClause() != null && !s.groupClause().isEmpty()
                || s.havingClause() != null || s.windowClause() != null && !s.windowClause().isEmpty()
                || s.valuesLists() != null && !s.valuesLists().isEmpty() || s.lockingClause() != null && !s.lockingClause().isEmpty()
                || s.limitCount() != null || s.limitOffset() != null || s.intoClause() != null
                || s.fromClause() == null || s.fromClause().size() != 1 || !(s.fromClause().get(0) instanceof RangeVar from)) {
            return null;
        }
        TableInfo table = tables.apply(from).orElse(null);
        if (table == null) {
            return null;
        }
        String alias = from.alias() != null ? from.alias().aliasname() : table.name();
        if (from.alias() != null && from.alias().colnames() != null && !from.alias().colnames().isEmpty()) {
            return null;
        }
        ExpressionAnalyzer analyzer = new ExpressionAnalyzer(new BuiltinAnalyzerCatalog(), WireTypeIO.INSTANCE, context,
                new ParameterTypes(new int[0]), notice -> { });
        ExpressionDeparser deparser = new ExpressionDeparser(table.columns().stream().map(ColumnInfo::name).toList(),
                new BuiltinAnalyzerCatalog(), WireTypeIO.INSTANCE, context).qualified(alias).prettyAlways(pretty);
        StringBuilder out = new StringBuilder(" SELECT ");
        int column = 0;
        for (ResTarget t : s.targetList()) {
            if (t.val() instanceof ColumnRef c && c.star()) {
                if (c.fields().size() > 1 || !c.fields().isEmpty() && !c.fields().get(0).equals(alias)) {
                    return null;
                }
                for (ColumnInfo col : table.columns()) {
                    column = target(out, deparser, new InputRef(col.number() - 1, col.type(), col.typmod(), col.name()),
                            viewColumns, table.columns(), column);
                }
                continue;
            }
            column = target(out, deparser, IndexExpressionBinder.overTable(analyzer, table, alias, t.val()), viewColumns,
                    table.columns(), column);
        }
        String schema = schemaQualifier.apply(table.namespace());
        out.append("\n   FROM ").append(schema == null ? "" : Identifiers.quoteIfNeeded(schema) + ".")
                .append(Identifiers.quoteIfNeeded(table.name()));
        if (from.alias() != null) {
            out.append(' ').append(Identifiers.quoteIfNeeded(alias));
        }
        if (s.whereClause() != null) {
            out.append("\n  WHERE ").append(deparser.deparsePretty(
                    IndexExpressionBinder.overTable(analyzer, table, alias, s.whereClause())));
        }
        if (s.sortClause() != null && !s.sortClause().isEmpty()) {
            out.append("\n  ORDER BY ");
            for (int i = 0; i < s.sortClause().size(); i++) {
                SortBy by = s.sortClause().get(i);
                if (by.dir() == SortBy.SortDir.USING) {
                    return null;
                }
                out.append(i == 0 ? "" : ", ").append(deparser.deparsePretty(
                        IndexExpressionBinder.overTable(analyzer, table, alias, by.node())));
                if (by.dir() == SortBy.SortDir.DESC) {
                    out.append(" DESC");
                }
                if (by.nulls() == SortBy.SortNulls.FIRST && by.dir() != SortBy.SortDir.DESC) {
                    out.append(" NULLS FIRST");
                } else if (by.nulls() == SortBy.SortNulls.LAST && by.dir() == SortBy.SortDir.DESC) {
                    out.append(" NULLS LAST");
                }
            }
        }
        return out.append(';').toString();
    }

    /** One select-list entry: AS its view column's name unless it is that very column of the table. */
    private static int target(StringBuilder out, ExpressionDeparser deparser, BoundExpr e, List<ColumnInfo> viewColumns,
                              List<ColumnInfo> tableColumns, int column) {
        if (column >= viewColumns.size()) {
            throw new IllegalStateException("more select-list entries than view columns");
        }
        String name = viewColumns.get(column).name();
        if (column > 0) {
            out.append(",\n    ");
        }
        out.append(deparser.deparsePretty(e));
        boolean sameColumn = e instanceof InputRef in && in.index() < tableColumns.size()
                && tableColumns.get(in.index()).name().equals(name);
        if (!sameColumn) {
            out.append(" AS ").append(Identifiers.quoteIfNeeded(name));
        }
        return column + 1;
    }
}
