package org.lakepg.server.systemcatalog;

import org.lakepg.server.sql.analyzer.Identifiers;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/** The SQL text pg_get_indexdef and pg_get_constraintdef print for lakepg's indexes and constraints. */
public final class IndexDefinitions {
    private IndexDefinitions() {}

    /** CREATE [UNIQUE] INDEX name ON schema.table USING btree (columns), as pg_get_indexdef prints it. */
    public static String indexDef(CatalogView catalog, IndexInfo index, TableInfo table, boolean qualifyTable) {
        return indexDef(catalog, index, table, qualifyTable, false);
    }

    /** As pg_get_indexdef(oid, 0, pretty) prints it: pretty drops the parentheses precedence does not need. */
    public static String indexDef(CatalogView catalog, IndexInfo index, TableInfo table, boolean qualifyTable,
                                  boolean pretty) {
        if (pretty && !index.plain()) {
            index = PrettyIndex.of(index, table);
        }
        StringBuilder out = new StringBuilder("CREATE ");
        if (index.unique()) {
            out.append("UNIQUE ");
        }
        out.append("INDEX ").append(Identifiers.quoteIfNeeded(index.name())).append(" ON ");
        if (catalog.inheritance().isPartitioned(table.oid())) {
            out.append("ONLY ");
        }
        if (qualifyTable) {
            out.append(Identifiers.quoteIfNeeded(catalog.namespaceName(table.namespace()).orElse("public"))).append('.');
        }
        out.append(Identifiers.quoteIfNeeded(table.name())).append(" USING ").append(index.method()).append(" (")
                .append(keyList(index, table)).append(')');
        if (!index.include().isEmpty()) {
            out.append(" INCLUDE (").append(includeList(index, table)).append(')');
        }
        if (index.predicate() != null) {
            out.append(" WHERE ").append(index.predicate());
        }
        return out.toString();
    }

    /** The indexdef's column at a 1-based position (pg_get_indexdef(oid, column, pretty)), INCLUDE columns too. */
    public static String indexColumn(IndexInfo index, TableInfo table, int position) {
        var columns = org.lakepg.server.index.IndexColumns.of(index, table);
        if (position < 1 || position > columns.size()) {
            return "";
        }
        var c = columns.get(position - 1);
        if (c.expression() == null) {
            return Identifiers.quoteIfNeeded(table.columns().get(c.attnum() - 1).name());
        }
        return looksLikeFunction(c.expression()) ? c.expression() : "(" + c.expression() + ")";
    }

    /** Key columns as pg_get_indexdef lists them: an expression that is not a function call in parentheses. */
    private static String keyList(IndexInfo index, TableInfo table) {
        StringBuilder out = new StringBuilder();
        int position = 0;
        for (var c : org.lakepg.server.index.IndexColumns.of(index, table)) {
            if (!c.key()) {
                continue;
            }
            short option = index.option(position++);
            if (position > 1) {
                out.append(", ");
            }
            if (c.expression() == null) {
                out.append(Identifiers.quoteIfNeeded(table.columns().get(c.attnum() - 1).name()));
            } else if (looksLikeFunction(c.expression())) {
                out.append(c.expression());
            } else {
                out.append('(').append(c.expression()).append(')');
            }
            if ((option & IndexInfo.JSONB_PATH_OPS) != 0) {
                out.append(" jsonb_path_ops");
            }
            if ((option & IndexInfo.DESC) != 0) {
                out.append(" DESC").append((option & IndexInfo.NULLS_FIRST) != 0 ? "" : " NULLS LAST");
            } else if ((option & IndexInfo.NULLS_FIRST) != 0) {
                out.append(" NULLS FIRST");
            }
        }
        return out.toString();
    }

    private static String includeList(IndexInfo index, TableInfo table) {
        StringBuilder out = new StringBuilder();
        for (short attnum : index.include()) {
            out.append(out.isEmpty() ? "" : ", ").append(Identifiers.quoteIfNeeded(table.columns().get(attnum - 1).name()));
        }
        return out.toString();
    }

    private static boolean looksLikeFunction(String expression) {
        try {
            var parsed = org.lakepg.server.sql.analyzer.DefaultExpressions.parse(expression);
            return parsed instanceof org.lakepg.server.sql.ast.FuncCall || parsed instanceof org.lakepg.server.sql.ast.CoalesceExpr
                    || parsed instanceof org.lakepg.server.sql.ast.MinMaxExpr;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static String constraintDef(IndexInfo index, TableInfo table) {
        return (index.primary() ? "PRIMARY KEY (" : "UNIQUE (") + columnList(index, table) + ")"
                + (index.include().isEmpty() ? "" : " INCLUDE (" + includeList(index, table) + ")");
    }

    private static String columnList(IndexInfo index, TableInfo table) {
        StringBuilder out = new StringBuilder();
        for (String name : IndexRows.columnNames(table, index)) {
            out.append(out.isEmpty() ? "" : ", ").append(Identifiers.quoteIfNeeded(name));
        }
        return out.toString();
    }
}
