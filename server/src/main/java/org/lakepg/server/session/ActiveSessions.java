package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.lakepg.server.systemcatalog.CatalogSources.SessionActivity;

/** The live sessions of one server, for pg_stat_activity: each registers how to describe itself. */
final class ActiveSessions {
    private final ConcurrentHashMap<Integer, Supplier<SessionActivity>> sessions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, Runnable> cancels = new ConcurrentHashMap<>();
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

    void add(int pid, Supplier<SessionActivity> activity) {
        sessions.put(pid, activity);
    }

    void remove(int pid) {
        sessions.remove(pid);
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
