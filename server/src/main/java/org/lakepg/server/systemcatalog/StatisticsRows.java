package org.lakepg.server.systemcatalog;

import java.util.List;
import java.util.Map;
import org.lakepg.server.stats.TableStatistics;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * The per-table and per-index statistics views, from the server's activity counters (what sessions did in their
 * ended transactions), and pg_locks. Counters lakepg does not keep (block reads and hits, HOT updates, the
 * current transaction's own pg_stat_xact_* counters) are 0, as in PostgreSQL for a relation nothing touched.
 */
final class StatisticsRows {
    private StatisticsRows() {}

    static void register(Map<String, RowSource> sources) {
        for (String view : new String[] {"pg_stat_all_tables", "pg_stat_user_tables"}) {
            sources.put("pg_catalog." + view, StatisticsRows::tables);
        }
        for (String view : new String[] {"pg_statio_all_tables", "pg_statio_user_tables", "pg_stat_xact_all_tables",
                "pg_stat_xact_user_tables"}) {
            sources.put("pg_catalog." + view, StatisticsRows::untrackedTables);
        }
        for (String view : new String[] {"pg_stat_all_indexes", "pg_stat_user_indexes", "pg_statio_all_indexes",
                "pg_statio_user_indexes"}) {
            sources.put("pg_catalog." + view, StatisticsRows::indexes);
        }
        sources.put("pg_catalog.pg_locks", StatisticsRows::locks);
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
            TableStatistics s = catalog.sources().tableStatistics(t.oid());
            List<IndexInfo> indexes = catalog.indexes(t.oid());
            // as the view sums over pg_index: NULL for a table without indexes
            Long indexScans = null;
            Long indexFetched = null;
            for (IndexInfo i : indexes) {
                TableStatistics is = catalog.sources().tableStatistics(i.oid());
                indexScans = (indexScans == null ? 0 : indexScans) + is.indexScans();
                indexFetched = (indexFetched == null ? 0 : indexFetched) + is.indexTuplesFetched();
            }
            out.add().set("relid", t.oid()).set("schemaname", catalog.namespaceName(t.namespace()).orElse(null))
                    .set("relname", t.name())
                    .set("seq_scan", s.seqScans()).set("seq_tup_read", s.seqTuplesRead())
                    .set("idx_scan", indexScans).set("idx_tup_fetch", indexFetched)
                    .set("n_tup_ins", s.inserted()).set("n_tup_upd", s.updated()).set("n_tup_del", s.deleted())
                    .set("n_tup_hot_upd", 0L).set("n_live_tup", s.liveTuples()).set("n_dead_tup", s.deadTuples())
                    .set("n_mod_since_analyze", s.modifiedSinceAnalyze())
                    .set("n_ins_since_vacuum", s.insertedSinceVacuum())
                    .set("last_vacuum", s.lastVacuum()).set("last_analyze", s.lastAnalyze())
                    .set("vacuum_count", s.vacuumCount()).set("autovacuum_count", 0L)
                    .set("analyze_count", s.analyzeCount()).set("autoanalyze_count", s.autoAnalyzeCount())
                    .set("last_autoanalyze", s.lastAutoAnalyze());
        }
    }

    private static void untrackedTables(CatalogView catalog, Rows out) {
        for (TableInfo t : catalog.tables()) {
            zeroCounters(out).set("relid", t.oid()).set("schemaname", catalog.namespaceName(t.namespace()).orElse(null))
                    .set("relname", t.name());
        }
    }

    private static void indexes(CatalogView catalog, Rows out) {
        boolean io = out.relation().name().startsWith("pg_statio");
        for (TableInfo t : catalog.tables()) {
            for (IndexInfo i : catalog.indexes(t.oid())) {
                Rows.Row row = zeroCounters(out).set("relid", t.oid()).set("indexrelid", i.oid())
                        .set("schemaname", catalog.namespaceName(t.namespace()).orElse(null)).set("relname", t.name())
                        .set("indexrelname", i.name());
                if (!io) {
                    TableStatistics s = catalog.sources().tableStatistics(i.oid());
                    row.set("idx_scan", s.indexScans()).set("idx_tup_read", s.indexTuplesRead())
                            .set("idx_tup_fetch", s.indexTuplesFetched());
                }
            }
        }
    }

    private static void locks(CatalogView catalog, Rows out) {
        Map<String, Long> databases = new java.util.HashMap<>();
        catalog.databases().forEach(d -> databases.put(d.name(), d.oid()));
        Map<Integer, Long> databaseOfPid = new java.util.HashMap<>();
        for (CatalogSources.SessionActivity s : catalog.sources().sessions()) {
            Long oid = databases.get(s.database());
            if (oid != null) {
                databaseOfPid.put(s.pid(), oid);
            }
        }
        for (CatalogSources.LockRow l : catalog.sources().locks()) {
            Long database = l.database() == null && l.relation() != null ? databaseOfPid.get(l.pid()) : l.database();
            out.add().set("locktype", l.locktype()).set("database", database).set("relation", l.relation())
                    .set("page", l.page()).set("tuple", l.tuple()).set("virtualxid", l.virtualxid())
                    .set("transactionid", l.transactionid()).set("virtualtransaction", l.virtualtransaction())
                    .set("pid", l.pid()).set("mode", l.mode()).set("granted", l.granted())
                    .set("fastpath", l.fastpath()).set("waitstart", l.waitStartMicros());
        }
    }
}
