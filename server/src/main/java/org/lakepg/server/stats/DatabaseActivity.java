package org.lakepg.server.stats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The activity totals of one database, fed by its sessions at the end of each transaction. Row counts follow
 * PostgreSQL's rules (pgstat_relation.c): n_tup_ins/upd/del count every write, committed or not; a committed
 * transaction's inserts add live rows and its updates and deletes add dead ones, a rolled back one's inserts and
 * updates leave dead rows. VACUUM sets the live count and clears the dead one.
 */
public final class DatabaseActivity {
    private final ConcurrentHashMap<Long, Totals> relations = new ConcurrentHashMap<>();
    /** The planner's view of each table: size and column statistics from its last VACUUM or ANALYZE. */
    private final ConcurrentHashMap<Long, RelationStatistics> measured = new ConcurrentHashMap<>();
    private boolean loaded;
    private long commits;
    private long rollbacks;
    private long tuplesReturned;
    private long tuplesFetched;
    private long tuplesInserted;
    private long tuplesUpdated;
    private long tuplesDeleted;

    private static final class Totals {
        long seqScans;
        long seqTuplesRead;
        long indexScans;
        long indexTuplesRead;
        long indexTuplesFetched;
        long inserted;
        long updated;
        long deleted;
        long live;
        long dead;
        long modifiedSinceAnalyze;
        long insertedSinceVacuum;
        Long lastVacuum;
        long vacuumCount;
        Long lastAnalyze;
        long analyzeCount;
        Long lastAutoAnalyze;
        long autoAnalyzeCount;

        synchronized TableStatistics snapshot() {
            return new TableStatistics(seqScans, seqTuplesRead, indexScans, indexTuplesRead, indexTuplesFetched,
                    inserted, updated, deleted, Math.max(live, 0), Math.max(dead, 0), modifiedSinceAnalyze,
                    insertedSinceVacuum, lastVacuum, vacuumCount, lastAnalyze, analyzeCount, lastAutoAnalyze,
                    autoAnalyzeCount);
        }
    }

    private Totals totals(long oid) {
        return relations.computeIfAbsent(oid, k -> new Totals());
    }

    void add(Map<Long, TableActivity> pending, boolean committed) {
        long returned = 0;
        long fetched = 0;
        long ins = 0;
        long upd = 0;
        long del = 0;
        for (Map.Entry<Long, TableActivity> e : pending.entrySet()) {
            TableActivity a = e.getValue();
            Totals t = totals(e.getKey());
            synchronized (t) {
                t.seqScans += a.seqScans;
                t.seqTuplesRead += a.seqTuplesRead;
                t.indexScans += a.indexScans;
                t.indexTuplesRead += a.indexTuplesRead;
                t.indexTuplesFetched += a.indexTuplesFetched;
                t.inserted += a.inserted;
                t.updated += a.updated;
                t.deleted += a.deleted;
                if (committed) {
                    t.live += a.inserted - a.deleted;
                    t.dead += a.updated + a.deleted;
                    t.insertedSinceVacuum += a.inserted;
                    t.modifiedSinceAnalyze += a.inserted + a.updated + a.deleted;
                } else {
                    t.dead += a.inserted + a.updated;
                }
            }
            returned += a.seqTuplesRead;
            fetched += a.indexTuplesFetched;
            ins += a.inserted;
            upd += a.updated;
            del += a.deleted;
        }
        synchronized (this) {
            if (committed) {
                commits++;
            } else {
                rollbacks++;
            }
            tuplesReturned += returned;
            tuplesFetched += fetched;
            tuplesInserted += ins;
            tuplesUpdated += upd;
            tuplesDeleted += del;
        }
    }

    /** VACUUM of a table finished: {@code live} rows remain, no dead ones. */
    public void vacuumed(long table, long live, long nowMicros) {
        Totals t = totals(table);
        synchronized (t) {
            t.live = live;
            t.dead = 0;
            t.insertedSinceVacuum = 0;
            t.lastVacuum = nowMicros;
            t.vacuumCount++;
        }
    }

    /** ANALYZE of a table finished. */
    public void analyzed(long table, long nowMicros) {
        Totals t = totals(table);
        synchronized (t) {
            t.modifiedSinceAnalyze = 0;
            t.lastAnalyze = nowMicros;
            t.analyzeCount++;
        }
    }

    /** Autovacuum's ANALYZE of a table finished (last_autoanalyze, autoanalyze_count). */
    public void autoAnalyzed(long table, long nowMicros) {
        Totals t = totals(table);
        synchronized (t) {
            t.modifiedSinceAnalyze = 0;
            t.lastAutoAnalyze = nowMicros;
            t.autoAnalyzeCount++;
        }
    }

    /** VACUUM or ANALYZE measured the table; column statistics of an earlier ANALYZE stay when these have none. */
    public void measured(long table, RelationStatistics statistics) {
        measured.merge(table, statistics, (old, now) -> now.columns().isEmpty() ? now.withColumns(old.columns()) : now);
    }

    /**
     * Fills the planner's view from what earlier runs of the server kept (the statistics catalog), once: later
     * measurements are made by this server, which keeps the two the same.
     */
    public void loadOnce(java.util.function.Supplier<Map<Long, RelationStatistics>> kept) {
        synchronized (measured) {
            if (!loaded) {
                kept.get().forEach(measured::putIfAbsent);
                loaded = true;
            }
        }
    }

    /** The table's last measurement, or null when it was never vacuumed or analyzed. */
    public RelationStatistics measured(long table) {
        return measured.get(table);
    }

    public TableStatistics relation(long oid) {
        Totals t = relations.get(oid);
        return t == null ? TableStatistics.NONE : t.snapshot();
    }

    public synchronized DatabaseStatistics database() {
        return new DatabaseStatistics(commits, rollbacks, tuplesReturned, tuplesFetched, tuplesInserted,
                tuplesUpdated, tuplesDeleted);
    }
}
