package org.lakepg.server.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.lakepg.analytics.snapshot.Manifest;
import org.lakepg.server.Compute;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.storage.Lsn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps materialized tables following the WAL: one low-priority daemon thread refreshes every registered table
 * whose compute wrote since its snapshot, rewriting only changed page ranges. CPU is bounded by a duty cycle enforced
 * between page ranges: after working {@code t} it rests {@code t * (1 - share) / share}, so it uses at most
 * {@code share} of one core even during a long refresh; memory by refreshing one table, one file range (512 pages)
 * at a time.
 */
public final class BackgroundRefresher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundRefresher.class);
    /** How often a followed table is checked for changes: queries are fresh anyway, refreshes only save them work. */
    private static final long POLL_MILLIS = 2000;

    private record Registered(Compute compute, long tableOid, String name) {
    }

    private static final class State {
        volatile long refreshes;
        volatile String lastError;
    }

    private final AnalyticsService service;
    private final double share;
    private final Map<TableKey, Registered> tables = new ConcurrentHashMap<>();
    private final Map<TableKey, State> states = new ConcurrentHashMap<>();
    private final Object wakeup = new Object();
    private volatile boolean closed;
    /** -Dlakepg.analytics.background=off: tables are materialized only when exported (tests, benchmarks). */
    private volatile boolean paused = "off".equals(System.getProperty("lakepg.analytics.background"));
    private Thread thread;

    BackgroundRefresher(AnalyticsService service, double cpuShare) {
        if (!(cpuShare > 0 && cpuShare <= 1)) {
            throw new IllegalArgumentException("cpu share must be in (0, 1]: " + cpuShare);
        }
        this.service = service;
        this.share = cpuShare;
    }

    /** Follows the table from now on (a time-travel compute never changes, so it is not followed). */
    public void register(Compute compute, TableInfo table) {
        if (compute.readPoint() != null || table.temporary()) {
            return;
        }
        TableKey key = AnalyticsService.key(compute.access(), table);
        // the latest compute of the timeline wins: a suspended one no longer sees new writes (and is let go)
        Registered known = tables.get(key);
        if (known != null && known.compute() == compute && known.tableOid() == table.oid()) {
            return; // followed already: every routed query calls this, so it must cost nothing
        }
        tables.put(key, new Registered(compute, table.oid(), table.name()));
        states.putIfAbsent(key, new State());
        start();
        synchronized (wakeup) {
            wakeup.notifyAll();
        }
    }

    /** For benchmarks: stop refreshing without forgetting the tables. */
    public void setPaused(boolean on) {
        paused = on;
    }

    private synchronized void start() {
        if (thread == null && !closed) {
            thread = new Thread(this::run, "lakepg-analytics-refresh");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }

    private void run() {
        while (!closed) {
            if (!paused) {
                for (Map.Entry<TableKey, Registered> e : tables.entrySet()) {
                    refresh(e.getKey(), e.getValue()); // throttled to the share inside, range by range
                }
            }
            synchronized (wakeup) {
                try {
                    wakeup.wait(POLL_MILLIS);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void refresh(TableKey key, Registered r) {
        State state = states.get(key);
        try {
            Lsn latest = AnalyticsService.latestLsn(r.compute().access());
            Optional<Manifest> current = service.snapshots(key).latest();
            if (current.isPresent() && !current.get().lsn().isBefore(latest)) {
                return;
            }
            Optional<TableInfo> table = find(r);
            if (table.isEmpty() || table.get().relation() != key.relation()) {
                tables.remove(key); // dropped or rewritten: a new relation starts its own snapshots when asked for
                return;
            }
            service.materializeThrottled(r.compute().access(), r.compute().tables().heap(table.get()), table.get(),
                    share);
            state.refreshes++;
            state.lastError = null;
        } catch (RuntimeException e) {
            state.lastError = String.valueOf(e.getMessage());
            LOG.warn("analytics refresh of {} failed: {}", r.name(), e.toString());
        }
    }

    private static Optional<TableInfo> find(Registered r) {
        Transaction txn = r.compute().transactions().begin();
        try {
            return r.compute().tables().findByOid(txn.snapshot(), r.tableOid());
        } finally {
            txn.rollback();
        }
    }

    List<AnalyticsService.Status> status() {
        List<AnalyticsService.Status> out = new ArrayList<>();
        for (Map.Entry<TableKey, Registered> e : tables.entrySet()) {
            TableKey key = e.getKey();
            Registered r = e.getValue();
            Lsn latest = AnalyticsService.latestLsn(r.compute().access());
            Optional<Manifest> m = service.snapshots(key).latest();
            State s = states.get(key);
            Lsn done = m.map(Manifest::lsn).orElse(Lsn.of(0));
            long lagBytes = Math.max(0, latest.value() - done.value());
            int pages = r.compute().access().cache().relationSize(key.relation(), org.lakepg.storage.ForkNumber.MAIN);
            int lagPages = m.isEmpty() ? pages : service.changedPagesSince(key, done, latest, pages);
            out.add(new AnalyticsService.Status(r.name(), key, m.map(Manifest::lsn).orElse(null), latest, lagBytes,
                    lagPages, m.map(x -> x.files().size()).orElse(0), m.map(Manifest::rowCount).orElse(0L),
                    s.refreshes, s.lastError));
        }
        out.sort(java.util.Comparator.comparing(AnalyticsService.Status::table));
        return out;
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
