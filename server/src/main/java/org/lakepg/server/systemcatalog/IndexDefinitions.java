package org.lakepg.server.systemcatalog;

import org.lakepg.server.sql.analyzer.Identifiers;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/** The SQL text pg_get_indexdef and pg_get_constraintdef print for lakepg's indexes and constraints. */
public final class IndexDefinitions {
    private IndexDefinitions() {}

    /** CREATE [UNIQUE] INDEX name ON schema.table USING btree (columns), as pg_get_indexdef prints it. */
    public static String indexDef(CatalogView catalog, IndexInfo index, TableInfo table, boolean qualifyTable) {
        StringBuilder out = new StringBuilder("CREATE ");
        if (index.unique()) {
            out.append("UNIQUE ");
        }
        out.append("INDEX ").append(Identifiers.quoteIfNeeded(index.name())).append(" ON ");
        if (qualifyTable) {
            out.append(Identifiers.quoteIfNeeded(catalog.namespaceName(table.namespace()).orElse("public"))).append('.');
        }
        out.append(Identifiers.quoteIfNeeded(table.name())).append(" USING btree (").append(columnList(index, table))
                .append(')');
        return out.toString();
    }

    /** The indexdef's column at a 1-based position (pg_get_indexdef(oid, column, pretty)). */
    public static String indexColumn(IndexInfo index, TableInfo table, int position) {
        if (position < 1 || position > index.columns().size()) {
            return "";
        }
        return Identifiers.quoteIfNeeded(table.columns().get(index.columns().get(position - 1) - 1).name());
    }

    public static String constraintDef(IndexInfo index, TableInfo table) {
        return (index.primary() ? "PRIMARY KEY (" : "UNIQUE (") + columnList(index, table) + ")";
    }

    private static String columnList(IndexInfo index, TableInfo table) {
        StringBuilder out = new StringBuilder();
        for (String name : IndexRows.columnNames(table, index)) {
            out.append(out.isEmpty() ? "" : ", ").append(Identifiers.quoteIfNeeded(name));
        }
        return out.toString();
    }
}
