package org.lakepg.server.stats;

import java.util.HashMap;
import java.util.Map;

/**
 * A session's counters for its running transaction, as PostgreSQL's backends keep pending statistics:
 * nothing is visible to others until the transaction ends (committed or rolled back, see
 * {@link DatabaseActivity#add}).
 */
public final class PendingActivity {
    private final Map<Long, TableActivity> relations = new HashMap<>();

    /** The counters of a table or index (by OID) in this transaction. */
    public TableActivity relation(long oid) {
        return relations.computeIfAbsent(oid, k -> new TableActivity());
    }

    /** Adds what the ending transaction did to the database's totals and starts afresh. */
    public void transactionEnded(DatabaseActivity into, boolean committed) {
        into.add(relations, committed);
        relations.clear();
    }
}
