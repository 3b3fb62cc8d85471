package org.lakepg.server.systemcatalog;

import java.util.Map;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * The per-table and per-index statistics views. lakepg does not collect activity statistics yet:
 * every counter is 0 and every time NULL, as PostgreSQL shows a relation without statistics.
 */
final class StatisticsRows {
    private StatisticsRows() {}

    static void register(Map<String, RowSource> sources) {
        for (String view : new String[] {"pg_stat_all_tables", "pg_stat_user_tables", "pg_statio_all_tables",
                "pg_statio_user_tables", "pg_stat_xact_all_tables", "pg_stat_xact_user_tables"}) {
            sources.put("pg_catalog." + view, StatisticsRows::tables);
        }
        for (String view : new String[] {"pg_stat_all_indexes", "pg_stat_user_indexes", "pg_statio_all_indexes",
                "pg_statio_user_indexes"}) {
            sources.put("pg_catalog." + view, StatisticsRows::indexes);
        }
    }

    private static Rows.Row zeroCounters(Rows out) {
        Rows.Row row = out.add();
        for (SystemColumn c : out.relation().columns()) {
            if (c.type() == 20) {
                row.set(c.name(), 0L);
            }
        }
        return row;
    }

    private static void tables(CatalogView catalog, Rows out) {
        for (TableInfo t : catalog.tables()) {
            zeroCounters(out).set("relid", t.oid()).set("schemaname", catalog.namespaceName(t.namespace()).orElse(null))
                    .set("relname", t.name());
        }
    }

    private static void indexes(CatalogView catalog, Rows out) {
        for (TableInfo t : catalog.tables()) {
            for (IndexInfo i : catalog.indexes(t.oid())) {
                zeroCounters(out).set("relid", t.oid()).set("indexrelid", i.oid())
                        .set("schemaname", catalog.namespaceName(t.namespace()).orElse(null)).set("relname", t.name())
                        .set("indexrelname", i.name());
            }
        }
    }
}
