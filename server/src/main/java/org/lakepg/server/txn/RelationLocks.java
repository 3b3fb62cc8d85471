package org.lakepg.server.txn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The compute's table of heavyweight relation locks, with PostgreSQL's eight table lock modes and their conflict
 * matrix. Statements take them as PostgreSQL's do (a query ACCESS SHARE on what it reads, ROW EXCLUSIVE on what it
 * writes; CREATE INDEX SHARE; ALTER/DROP/TRUNCATE ACCESS EXCLUSIVE ...), LOCK TABLE explicitly; all are held until
 * the transaction ends. A wait joins the transactions' wait-for graph, so a cycle through relation and row locks
 * fails with 40P01; lock_timeout and statement_timeout end a wait.
 *
 * <p>Because a statement reads the catalog through its snapshot, a catalog change committed after that snapshot
 * by a transaction holding a strong lock on a relation is remembered here ({@link #changedSince}): a statement that
 * then locks the relation knows its analysis is stale.
 */
public final class RelationLocks {
    /** PostgreSQL's lock mode names, by mode number 1..8 (AccessShareLock .. AccessExclusiveLock). */
    private static final String[] NAMES = {null, "AccessShareLock", "RowShareLock", "RowExclusiveLock",
        "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock"};

    public static final int ACCESS_SHARE = 1;
    public static final int ROW_SHARE = 2;
    public static final int ROW_EXCLUSIVE = 3;
    public static final int SHARE_UPDATE_EXCLUSIVE = 4;
    public static final int SHARE = 5;
    public static final int SHARE_ROW_EXCLUSIVE = 6;
    public static final int ACCESS_EXCLUSIVE = 8;

    /** For each mode, the bit set of the modes it conflicts with (bit n = mode n), as lock.c's LockConflicts. */
    private static final int[] CONFLICTS = {0,
        bits(8), bits(7, 8), bits(5, 6, 7, 8), bits(4, 5, 6, 7, 8), bits(3, 4, 6, 7, 8), bits(3, 4, 5, 6, 7, 8),
        bits(2, 3, 4, 5, 6, 7, 8), bits(1, 2, 3, 4, 5, 6, 7, 8)};

    /** One granted or awaited lock: {@code owner} is the transaction, {@code pid} its backend. */
    public record Entry(Transaction owner, int pid, long relation, int mode, boolean granted, long sinceMicros) {
        public String modeName() {
            return NAMES[mode];
        }
    }

    /** A lock a statement needs: {@code mode} 1..8 on {@code relation}; {@code name} for error messages. */
    public record Request(long relation, int mode, String name) {}

    /** pg_locks' times count microseconds from 2000-01-01 like every PostgreSQL timestamp. */
    private static final long MICROS_2000 = 946_684_800L * 1_000_000L;

    private final WaitForGraph graph;
    private final Map<Long, List<Entry>> byRelation = new HashMap<>();
    private final List<Entry> waiting = new ArrayList<>();
    private CompletableFuture<Void> released = new CompletableFuture<>();
    /** Relation → the catalog version at which a transaction holding a strong lock on it and changing the catalog ended. */
    private final Map<Long, Long> changedAt = new ConcurrentHashMap<>();

    RelationLocks(WaitForGraph graph) {
        this.graph = graph;
    }

    private static int bits(int... modes) {
        int b = 0;
        for (int m : modes) {
            b |= 1 << m;
        }
        return b;
    }

    public static boolean conflicts(int held, int requested) {
        return (CONFLICTS[requested] & (1 << held)) != 0;
    }

    /**
     * Takes {@code mode} on {@code relation} for {@code owner} until it ends, waiting while another transaction
     * holds a conflicting mode: NOWAIT fails at once, lock_timeout after the wait, both with 55P03; a wait that
     * would close a cycle of waits fails with 40P01. Returns whether it waited.
     */
    boolean acquire(Transaction owner, int pid, long relation, int mode, boolean nowait, String relationName) {
        if (mode < 1 || mode > 8) {
            throw new IllegalArgumentException("lock mode " + mode);
        }
        Entry wait = null;
        try {
            while (true) {
                CompletableFuture<Void> next;
                List<Long> blockers;
                synchronized (this) {
                    blockers = blockers(owner, relation, mode);
                    if (blockers.isEmpty()) {
                        boolean waited = wait != null;
                        if (waited) {
                            waiting.remove(wait);
                        }
                        wait = null;
                        byRelation.computeIfAbsent(relation, r -> new ArrayList<>(2))
                                .add(new Entry(owner, pid, relation, mode, true, nowMicros()));
                        return waited;
                    }
                    if (nowait) {
                        throw PgException.of(SqlState.LOCK_NOT_AVAILABLE, "could not obtain lock on relation \"%s\"",
                                relationName);
                    }
                    if (wait == null) {
                        wait = new Entry(owner, pid, relation, mode, false, nowMicros());
                        waiting.add(wait);
                    }
                    next = released;
                }
                graph.beginWait(owner.id(), blockers);
                try {
                    Deadline deadline = owner.deadline() == null ? Deadline.none() : owner.deadline();
                    deadline.await(next);
                } finally {
                    graph.endWait(owner.id());
                }
            }
        } finally {
            if (wait != null) {
                synchronized (this) {
                    waiting.remove(wait);
                }
            }
        }
    }

    /** The other transactions holding a mode that conflicts (a transaction's own locks never conflict, as in PostgreSQL). */
    private List<Long> blockers(Transaction owner, long relation, int mode) {
        List<Entry> held = byRelation.get(relation);
        if (held == null) {
            return List.of();
        }
        List<Long> out = null;
        for (Entry e : held) {
            if (e.owner() != owner && conflicts(e.mode(), mode)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(e.owner().id());
            }
        }
        return out == null ? List.of() : out;
    }

    /**
     * Releases the locks {@code owner} holds on {@code relations} (its end) and wakes the waiters to try again.
     * When {@code catalogVersion} is not negative the transaction changed the catalog and ended at that version:
     * the relations it held strongly (SHARE or stronger) are noted as changed at it first, so whoever gets their
     * lock next sees it.
     */
    void release(Transaction owner, Map<Long, Integer> relations, long catalogVersion) {
        if (relations.isEmpty()) {
            return;
        }
        if (catalogVersion >= 0) {
            relations.forEach((relation, modes) -> {
                if (modes >= 1 << SHARE) {
                    changedAt.merge(relation, catalogVersion, Math::max);
                }
            });
        }
        CompletableFuture<Void> wake = null;
        synchronized (this) {
            for (long relation : relations.keySet()) {
                List<Entry> entries = byRelation.get(relation);
                if (entries != null) {
                    entries.removeIf(e -> e.owner() == owner);
                    if (entries.isEmpty()) {
                        byRelation.remove(relation);
                    }
                }
            }
            if (!waiting.isEmpty()) {
                wake = released;
                released = new CompletableFuture<>();
            }
        }
        if (wake != null) {
            wake.complete(null);
        }
    }

    /** Whether some transaction holds a mode on {@code relation} that conflicts with {@code mode}. */
    public synchronized boolean held(long relation, int mode) {
        List<Entry> entries = byRelation.get(relation);
        if (entries != null) {
            for (Entry e : entries) {
                if (conflicts(e.mode(), mode)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a transaction that changed the catalog and held {@code relation} strongly ended after {@code catalogVersion}. */
    public boolean changedSince(long relation, long catalogVersion) {
        Long at = changedAt.get(relation);
        return at != null && at > catalogVersion;
    }

    /** The locks held and awaited, for pg_locks. */
    public synchronized List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        byRelation.values().forEach(out::addAll);
        out.addAll(waiting);
        return out;
    }

    /** The relations locked now (tests). */
    synchronized Set<Long> lockedRelations() {
        return new LinkedHashSet<>(byRelation.keySet());
    }

    private static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000 - MICROS_2000;
    }
}
