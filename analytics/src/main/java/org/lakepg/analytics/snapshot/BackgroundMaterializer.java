package org.lakepg.analytics.snapshot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.lakepg.analytics.source.TableSource;
import org.lakepg.storage.Lsn;

/**
 * Keeps registered tables' snapshots following the WAL, on one low-priority daemon thread: at most one core, and a
 * duty cycle — after a refresh that took t it rests t * (1 - share) / share — so the transactional side keeps the
 * rest. Memory is bounded by one page range at a time (see {@link Materializer}). Queries never wait for it: a
 * fresh read decodes whatever the snapshot lacks.
 */
public final class BackgroundMaterializer implements AutoCloseable {

    /** A table's materialization state, for lakepg_analytics_status(). */
    public record TableStatus(String table, Lsn materializedLsn, Lsn latestLsn, long refreshes, String lastError) {
        /** WAL bytes the snapshot is behind. */
        public long lagBytes() {
            return Math.max(0, latestLsn.value() - materializedLsn.value());
        }
    }

    private record Registered(TableSource source, Materializer materializer) {
    }

    private final double cpuShare;
    private final Supplier<Lsn> latestLsn;
    private final Map<String, Registered> tables = new ConcurrentHashMap<>();
    private final Map<String, TableStatus> status = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private final Thread thread;
    private volatile boolean running = true;
    private boolean woken;

    /**
     * @param cpuShare  the largest share of one core refreshes may use (0 < share <= 1)
     * @param latestLsn the latest committed LSN (what snapshots should reach)
     */
    public BackgroundMaterializer(double cpuShare, Supplier<Lsn> latestLsn) {
        if (!(cpuShare > 0 && cpuShare <= 1)) {
            throw new IllegalArgumentException("cpuShare must be in (0, 1]");
        }
        this.cpuShare = cpuShare;
        this.latestLsn = latestLsn;
        this.thread = new Thread(this::loop, "lakepg-materializer");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    public void register(TableSource source, Materializer materializer) {
        // the status first: the worker may pick the table up as soon as it is in tables
        status.put(source.name(), new TableStatus(source.name(), Lsn.INVALID, latestLsn.get(), 0, null));
        tables.put(source.name(), new Registered(source, materializer));
        wake();
    }

    /** Asks for a refresh round now (after commits), instead of at the next periodic check. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    public List<TableStatus> status() {
        List<TableStatus> out = new ArrayList<>();
        Lsn latest = latestLsn.get();
        for (TableStatus s : status.values()) {
            out.add(new TableStatus(s.table(), s.materializedLsn(), latest, s.refreshes(), s.lastError()));
        }
        out.sort(java.util.Comparator.comparing(TableStatus::table));
        return out;
    }

    /** Waits until the table's snapshot reaches {@code lsn}; returns whether it did within the timeout. */
    public boolean awaitMaterialized(String table, Lsn lsn, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            while (true) {
                TableStatus s = status.get(table);
                if (s != null && !s.materializedLsn().isBefore(lsn)) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                signal.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private void loop() {
        while (running) {
            for (Registered t : tables.values()) {
                if (!running) {
                    return;
                }
                refreshOne(t);
            }
            synchronized (signal) {
                if (!woken && running) {
                    try {
                        signal.wait(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                woken = false;
            }
        }
    }

    private void refreshOne(Registered t) {
        String name = t.source().name();
        TableStatus before = status.get(name);
        Lsn target = latestLsn.get();
        if (before == null || !before.materializedLsn().isBefore(target)) {
            return;
        }
        long start = System.nanoTime();
        TableStatus after;
        try {
            Manifest m = t.materializer().refresh(t.source(), target).manifest();
            after = new TableStatus(name, m.lsn(), target, before.refreshes() + 1, null);
        } catch (RuntimeException e) {
            // keep going with the other tables; the error shows in the status and the next round retries
            after = new TableStatus(name, before.materializedLsn(), target, before.refreshes(), e.toString());
        }
        synchronized (signal) {
            status.put(name, after);
            signal.notifyAll();
        }
        long busy = System.nanoTime() - start;
        long rest = (long) (busy * (1 - cpuShare) / cpuShare);
        if (rest > 0) {
            try {
                Thread.sleep(Duration.ofNanos(rest));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
