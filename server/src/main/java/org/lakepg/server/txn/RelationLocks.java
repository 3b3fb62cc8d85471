package org.lakepg.server.txn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The compute's table of heavyweight relation locks, with PostgreSQL's eight table lock modes and their conflict
 * matrix. LOCK TABLE takes them explicitly and they are held until the transaction ends. Plain DML and DDL do not
 * take them (yet): a lock taken here only excludes other LOCK TABLE statements, so ACCESS SHARE (pg_dump) conflicts
 * only with another transaction's LOCK ... IN ACCESS EXCLUSIVE MODE. Waits are not part of deadlock detection;
 * lock_timeout and statement_timeout end them.
 */
public final class RelationLocks {
    /** PostgreSQL's lock mode names, by mode number 1..8 (AccessShareLock .. AccessExclusiveLock). */
    private static final String[] NAMES = {null, "AccessShareLock", "RowShareLock", "RowExclusiveLock",
        "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock"};

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

    /** pg_locks' times count microseconds from 2000-01-01 like every PostgreSQL timestamp. */
    private static final long MICROS_2000 = 946_684_800L * 1_000_000L;

    private final Map<Long, List<Entry>> byRelation = new HashMap<>();
    private final List<Entry> waiting = new ArrayList<>();
    private CompletableFuture<Void> released = new CompletableFuture<>();

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
     * holds a conflicting mode: NOWAIT fails at once, lock_timeout after the wait, both with 55P03.
     */
    public void acquire(Transaction owner, int pid, long relation, int mode, boolean nowait, String relationName) {
        if (mode < 1 || mode > 8) {
            throw new IllegalArgumentException("lock mode " + mode);
        }
        Entry wait = null;
        try {
            while (true) {
                CompletableFuture<Void> next;
                synchronized (this) {
                    if (grantable(owner, relation, mode)) {
                        if (wait != null) {
                            waiting.remove(wait);
                        }
                        wait = null;
                        byRelation.computeIfAbsent(relation, r -> new ArrayList<>())
                                .add(new Entry(owner, pid, relation, mode, true, nowMicros()));
                        return;
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
                Deadline deadline = owner.deadline() == null ? Deadline.none() : owner.deadline();
                deadline.await(next);
            }
        } finally {
            if (wait != null) {
                synchronized (this) {
                    waiting.remove(wait);
                }
            }
        }
    }

    /** A transaction's own locks never conflict with each other, as in PostgreSQL. */
    private boolean grantable(Transaction owner, long relation, int mode) {
        for (Entry e : byRelation.getOrDefault(relation, List.of())) {
            if (e.owner() != owner && conflicts(e.mode(), mode)) {
                return false;
            }
        }
        return true;
    }

    /** Releases everything {@code owner} holds (its end) and wakes the waiters to try again. */
    void releaseAll(Transaction owner) {
        CompletableFuture<Void> wake;
        synchronized (this) {
            boolean any = false;
            for (var it = byRelation.values().iterator(); it.hasNext();) {
                List<Entry> entries = it.next();
                any |= entries.removeIf(e -> e.owner() == owner);
                if (entries.isEmpty()) {
                    it.remove();
                }
            }
            if (!any) {
                return;
            }
            wake = released;
            released = new CompletableFuture<>();
        }
        wake.complete(null);
    }

    /** The locks held and awaited, for pg_locks. */
    public synchronized List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        byRelation.values().forEach(out::addAll);
        out.addAll(waiting);
        return out;
    }

    private static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000 - MICROS_2000;
    }
}
