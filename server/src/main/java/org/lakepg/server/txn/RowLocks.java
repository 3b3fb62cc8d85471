package org.lakepg.server.txn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Row-level locks (SELECT ... FOR KEY SHARE/SHARE/NO KEY UPDATE/UPDATE, and the lock every UPDATE and DELETE takes
 * on the row version it changes), held until the owning transaction ends or the savepoint they were taken under is
 * rolled back. Kept in memory: unlike PostgreSQL, which stores lockers in the tuple's xmax (and multixacts), lakepg
 * has a single writing compute, and row locks need not survive it.
 */
public final class RowLocks {

    /** A row version: relation id and the tuple id as {@link org.lakepg.server.access.heap.Tid#pack()} packs it. */
    public record RowId(int relation, long tid) {
    }

    private static final class Holders {
        final Map<Transaction, LockMode> modes = new HashMap<>(2);
    }

    private final ConcurrentHashMap<RowId, Holders> table = new ConcurrentHashMap<>();
    private final WaitForGraph graph;

    RowLocks(WaitForGraph graph) {
        this.graph = graph;
    }

    /**
     * Locks the row for {@code txn}. Returns true when granted; false only under {@link WaitPolicy#SKIP_LOCKED} when
     * another transaction holds a conflicting lock. Throws 55P03 under NOWAIT or on lock_timeout, 40P01 on deadlock,
     * 57014 on cancel or statement_timeout.
     */
    public boolean lock(Transaction txn, RowId row, LockMode mode, WaitPolicy policy, String relationName) {
        while (true) {
            List<Transaction> blockers = new ArrayList<>(1);
            boolean[] newlyHeld = new boolean[1];
            table.compute(row, (k, holders) -> {
                Holders h = holders == null ? new Holders() : holders;
                for (var e : h.modes.entrySet()) {
                    if (e.getKey() != txn && mode.conflictsWith(e.getValue())) {
                        blockers.add(e.getKey());
                    }
                }
                if (blockers.isEmpty()) {
                    LockMode old = h.modes.get(txn);
                    newlyHeld[0] = old == null;
                    h.modes.put(txn, old == null ? mode : LockMode.strongest(old, mode));
                }
                return h.modes.isEmpty() ? null : h;
            });
            if (blockers.isEmpty()) {
                if (newlyHeld[0]) {
                    txn.rememberRowLock(row);
                }
                return true;
            }
            switch (policy) {
                case NOWAIT -> throw PgException.of(SqlState.LOCK_NOT_AVAILABLE,
                        "could not obtain lock on row in relation \"%s\"", relationName);
                case SKIP_LOCKED -> {
                    return false;
                }
                case BLOCK -> {
                    List<Long> ids = new ArrayList<>();
                    CompletableFuture<?>[] ends = new CompletableFuture<?>[blockers.size()];
                    for (int i = 0; i < blockers.size(); i++) {
                        ids.add(blockers.get(i).id());
                        ends[i] = blockers.get(i).endFuture();
                    }
                    graph.beginWait(txn.id(), ids);
                    try {
                        txn.deadline().await(CompletableFuture.anyOf(ends));
                    } finally {
                        graph.endWait(txn.id());
                    }
                }
            }
        }
    }

    /** Whether {@code txn} holds a lock of any mode on the row version. */
    public boolean holds(Transaction txn, RowId row) {
        boolean[] held = {false};
        table.computeIfPresent(row, (k, h) -> {
            held[0] = h.modes.containsKey(txn); // read under the map's lock, as lock() and release() write it
            return h;
        });
        return held[0];
    }

    void release(Transaction txn, List<RowId> rows) {
        for (RowId row : rows) {
            table.computeIfPresent(row, (k, h) -> {
                h.modes.remove(txn);
                return h.modes.isEmpty() ? null : h;
            });
        }
    }

    /** Number of rows with at least one lock holder (for tests and monitoring). */
    public int lockedRows() {
        return table.size();
    }
}
