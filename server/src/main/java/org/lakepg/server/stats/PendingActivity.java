package org.lakepg.server.stats;

import java.util.Map;

/**
 * A session's counters for its running transaction, as PostgreSQL's backends keep pending statistics:
 * nothing is visible to others until the transaction ends (committed or rolled back, see
 * {@link DatabaseActivity#add}).
 */
public final class PendingActivity {
    /** Concurrent: pg_locks, read by other sessions, lists the relations the transaction has used. */
    private final Map<Long, TableActivity> relations = new java.util.concurrent.ConcurrentHashMap<>();
    /** VACUUM's and ANALYZE's measurements, for the planner once the catalog rows that keep them commit. */
    private final java.util.List<Map.Entry<Long, RelationStatistics>> measured = new java.util.ArrayList<>();

    /** The counters of a table or index (by OID) in this transaction. */
    public TableActivity relation(long oid) {
        return relations.computeIfAbsent(oid, k -> new TableActivity());
    }

    /**
     * The tables and indexes the running transaction has read or written (true: written), the relation locks
     * PostgreSQL would hold for it until it ends.
     */
    public Map<Long, Boolean> relationsUsed() {
        Map<Long, Boolean> out = new java.util.TreeMap<>();
        relations.forEach((oid, a) -> out.put(oid, a.wrote()));
        return out;
    }

    /** VACUUM or ANALYZE measured a table in this transaction. */
    public void measured(long table, RelationStatistics statistics) {
        measured.add(Map.entry(table, statistics));
    }

    /** The running transaction's latest measurement of a table, or null: its own ANALYZE is what it plans with. */
    public RelationStatistics measured(long table) {
        for (int i = measured.size() - 1; i >= 0; i--) {
            if (measured.get(i).getKey() == table) {
                return measured.get(i).getValue();
            }
        }
        return null;
    }

    /**
     * Adds what the ending transaction did to the database's totals and starts afresh; its measurements reach
     * the planner only if it committed, as pg_statistic rows of a rolled back ANALYZE are never seen.
     */
    public void transactionEnded(DatabaseActivity into, boolean committed) {
        into.add(relations, committed);
        relations.clear();
        if (committed) {
            measured.forEach(e -> into.measured(e.getKey(), e.getValue()));
        }
        measured.clear();
    }
}
