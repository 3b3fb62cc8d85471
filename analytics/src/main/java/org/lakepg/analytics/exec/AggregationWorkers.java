package org.lakepg.analytics.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The helper threads aggregating queries borrow to work on two cores: a fixed number for the whole process, so
 * analytics never runs on more than (running queries + helpers) threads and the row engine's sessions keep their
 * share of the machine. A query that finds every helper busy runs on its own thread alone.
 * {@code -Dlakepg.analytics.workers} (default 1, 0 = off).
 */
public final class AggregationWorkers {

    private static final AggregationWorkers SHARED = new AggregationWorkers(
            Integer.getInteger("lakepg.analytics.workers", 1));
    private static final AggregationWorkers NONE = new AggregationWorkers(0);

    private final Semaphore permits;
    private final ExecutorService threads;

    public AggregationWorkers(int count) {
        this.permits = new Semaphore(Math.max(0, count));
        AtomicInteger number = new AtomicInteger();
        this.threads = count <= 0 ? null : Executors.newFixedThreadPool(count, task -> {
            Thread t = new Thread(task, "lakepg-analytics-worker-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The process-wide helpers. */
    public static AggregationWorkers shared() {
        return SHARED;
    }

    /** No helpers: every query runs on its own thread. */
    public static AggregationWorkers none() {
        return NONE;
    }

    /** Whether there are helper threads at all (busy or not). */
    boolean hasHelpers() {
        return threads != null;
    }

    /** Starts {@code task} on a free helper; null when there is none. */
    Future<?> tryStart(Runnable task) {
        if (threads == null || !permits.tryAcquire()) {
            return null;
        }
        try {
            return threads.submit(() -> {
                try {
                    task.run();
                } finally {
                    permits.release();
                }
            });
        } catch (RejectedExecutionException e) {
            permits.release();
            return null;
        }
    }
}
