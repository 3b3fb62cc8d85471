package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.lakepg.server.systemcatalog.CatalogSources.SessionActivity;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** The live sessions of one server, for pg_stat_activity: each registers how to describe itself. */
final class ActiveSessions {
    private final ConcurrentHashMap<Integer, Supplier<SessionActivity>> sessions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, Runnable> cancels = new ConcurrentHashMap<>();
    private final AtomicInteger slotsTaken = new AtomicInteger();
    private final long startMicros = SessionClock.nowMicros();
    private final org.lakepg.server.stats.ActivityStatistics statistics = new org.lakepg.server.stats.ActivityStatistics();
    private final ConcurrentHashMap<Integer, Supplier<List<org.lakepg.server.systemcatalog.CatalogSources.LockRow>>> locks =
            new ConcurrentHashMap<>();

    /** The server's cumulative activity statistics (pg_stat_database, pg_stat_all_tables ...). */
    org.lakepg.server.stats.ActivityStatistics statistics() {
        return statistics;
    }

    void onLocks(int pid, Supplier<List<org.lakepg.server.systemcatalog.CatalogSources.LockRow>> held) {
        locks.put(pid, held);
    }

    /** The locks every session holds or waits for, by pid (pg_locks). */
    List<org.lakepg.server.systemcatalog.CatalogSources.LockRow> locks() {
        List<org.lakepg.server.systemcatalog.CatalogSources.LockRow> out = new ArrayList<>();
        for (Supplier<List<org.lakepg.server.systemcatalog.CatalogSources.LockRow>> s : locks.values()) {
            out.addAll(s.get());
        }
        return out;
    }

    /**
     * Takes a connection slot for a session about to open, as PostgreSQL's InitProcess and InitPostgres do: none once
     * max_connections sessions are open, and the last superuser_reserved_connections ones only for superusers.
     * {@link #add} keeps it until {@link #remove}; a session that fails to open gives it back by {@link #releaseSlot}.
     */
    void takeSlot(long maxConnections, long reservedForSuperusers, boolean superuser) {
        while (true) {
            int taken = slotsTaken.get();
            if (taken >= maxConnections) {
                throw PgException.of(SqlState.TOO_MANY_CONNECTIONS, "sorry, too many clients already")
                        .withSeverity(PgException.Severity.FATAL);
            }
            if (!superuser && reservedForSuperusers > 0 && maxConnections - taken - 1 < reservedForSuperusers) {
                throw PgException.of(SqlState.TOO_MANY_CONNECTIONS,
                        "remaining connection slots are reserved for non-replication superuser connections")
                        .withSeverity(PgException.Severity.FATAL);
            }
            if (slotsTaken.compareAndSet(taken, taken + 1)) {
                return;
            }
        }
    }

    void releaseSlot() {
        slotsTaken.decrementAndGet();
    }

    void add(int pid, Supplier<SessionActivity> activity) {
        sessions.put(pid, activity);
    }

    void remove(int pid) {
        if (sessions.remove(pid) != null) {
            releaseSlot();
        }
        locks.remove(pid);
        cancels.remove(pid);
        terminations.remove(pid);
    }

    void onCancel(int pid, Runnable cancel) {
        cancels.put(pid, cancel);
    }

    private final ConcurrentHashMap<Integer, Runnable> terminations = new ConcurrentHashMap<>();

    void onTerminate(int pid, Runnable terminate) {
        terminations.put(pid, terminate);
    }

    boolean terminate(int pid) {
        Runnable terminate = terminations.get(pid);
        if (terminate == null) {
            return false;
        }
        terminate.run();
        return true;
    }

    boolean cancel(int pid) {
        Runnable cancel = cancels.get(pid);
        if (cancel == null) {
            return false;
        }
        cancel.run();
        return true;
    }

    /** The session with this PID as pg_stat_activity would show it, or null when there is none. */
    SessionActivity activity(int pid) {
        Supplier<SessionActivity> s = sessions.get(pid);
        return s == null ? null : s.get();
    }

    List<SessionActivity> list() {
        List<SessionActivity> out = new ArrayList<>();
        for (Supplier<SessionActivity> s : sessions.values()) {
            out.add(s.get());
        }
        out.sort(java.util.Comparator.comparingInt(SessionActivity::pid));
        return out;
    }

    long startMicros() {
        return startMicros;
    }
}
