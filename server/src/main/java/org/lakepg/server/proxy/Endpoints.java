package org.lakepg.server.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The computes behind the proxy: started on the first connection to their endpoint (wake), counted while
 * connections use them, and stopped once nothing has used them for the suspend timeout (scale to zero). A wake
 * that is in progress is shared by every connection waiting for it.
 */
final class Endpoints {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Endpoints.class);

    private final class Compute {
        final String key;
        ComputeLauncher.RunningCompute running;
        int connections;
        long idleSinceNanos = System.nanoTime();

        Compute(String key) {
            this.key = key;
        }
    }

    private final ComputeLauncher launcher;
    private final Duration suspendAfter;
    private final Map<String, Compute> computes = new HashMap<>();
    private long wakeUps;

    Endpoints(ComputeLauncher launcher, Duration suspendAfter) {
        this.launcher = launcher;
        this.suspendAfter = suspendAfter;
    }

    /** The address of the endpoint's compute, woken if suspended; the caller must {@link #release} it. */
    InetSocketAddress acquire(String endpoint) throws IOException {
        String key = launcher.computeFor(endpoint);
        Compute c;
        synchronized (this) {
            c = computes.computeIfAbsent(key, Compute::new);
            c.connections++;
        }
        try {
            synchronized (c) { // one wake at a time per compute; later connections wait for it
                if (c.running == null || !c.running.isAlive()) {
                    long start = System.nanoTime();
                    c.running = launcher.start(endpoint);
                    synchronized (this) {
                        wakeUps++;
                    }
                    LOG.info("woke the compute of \"{}\" in {} ms at {}", key, (System.nanoTime() - start) / 1_000_000,
                            c.running.address());
                }
                return c.running.address();
            }
        } catch (IOException | RuntimeException e) {
            release(endpoint);
            throw e;
        }
    }

    void release(String endpoint) {
        String key = launcher.computeFor(endpoint);
        synchronized (this) {
            Compute c = computes.get(key);
            if (c != null && --c.connections == 0) {
                c.idleSinceNanos = System.nanoTime();
            }
        }
    }

    /** Stops the computes idle for longer than the suspend timeout. */
    void suspendIdle() {
        List<Compute> idle;
        synchronized (this) {
            long now = System.nanoTime();
            idle = computes.values().stream().filter(c -> c.connections == 0 && c.running != null
                    && now - c.idleSinceNanos >= suspendAfter.toNanos()).toList();
        }
        for (Compute c : idle) {
            synchronized (c) {
                synchronized (this) {
                    if (c.connections > 0) {
                        continue; // a connection arrived meanwhile
                    }
                }
                if (c.running != null) {
                    c.running.stop();
                    c.running = null;
                    LOG.info("suspended the compute of \"{}\"", c.key);
                }
            }
        }
    }

    /** Whether the compute of an endpoint is running now. */
    synchronized boolean running(String endpoint) {
        Compute c = computes.get(launcher.computeFor(endpoint));
        return c != null && c.running != null && c.running.isAlive();
    }

    synchronized long wakeUps() {
        return wakeUps;
    }

    void stopAll() {
        List<Compute> all;
        synchronized (this) {
            all = List.copyOf(computes.values());
        }
        for (Compute c : all) {
            synchronized (c) {
                if (c.running != null) {
                    c.running.stop();
                    c.running = null;
                }
            }
        }
        launcher.close();
    }
}
