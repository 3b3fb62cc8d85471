package org.lakepg.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scale to zero inside one server: suspends the compute of every database or branch that has had no session
 * for lakepg.suspend_timeout, so its buffer cache is released; the next connection starts it again.
 */
final class ComputeSuspender implements AutoCloseable {
    private final ScheduledExecutorService timer;

    private ComputeSuspender(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts checking; a zero timeout never suspends (returns an inactive suspender). */
    static ComputeSuspender start(Cluster cluster, Duration timeout) {
        if (timeout.isZero()) {
            return new ComputeSuspender(null);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lakepg-suspender");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(100, Math.min(1000, timeout.toMillis() / 4));
        timer.scheduleWithFixedDelay(() -> {
            try {
                cluster.suspendIdle(timeout);
            } catch (RuntimeException e) {
                // a failed close is retried at the next check; the server keeps serving
            }
        }, period, period, TimeUnit.MILLISECONDS);
        return new ComputeSuspender(timer);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
