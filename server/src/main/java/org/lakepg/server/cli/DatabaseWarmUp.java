package org.lakepg.server.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.lakepg.server.Cluster;
import org.lakepg.server.LakepgServer;

/**
 * Warms a compute of cloud storage up on a scratch database of its own store before it serves anyone (the server
 * refuses every other session meanwhile with 57P03, as PostgreSQL does while it starts up). Unlike
 * {@link ScratchWarmUp}'s local scratch server, the statements take the paths the first clients will take: the
 * compute's WAL to the safekeepers, their quorum round, the pageserver's ingestion; so every process of the cluster
 * has compiled them, not only the compute's SQL engine. Measured (docs/cluster.md "Session 25"): after the local
 * warm-up, the first 10 s of pgbench still cost 4.2 ms of CPU per transaction across the cluster's processes, 1.8 of
 * them in JIT compiler threads, against 0.9 once warm. The scratch database is dropped at the end, with its timeline
 * on the safekeepers and the pageserver; one left by a compute killed while warming up is dropped by the next.
 * The budget is a minimum: until the workload has run {@link #ENOUGH_STATEMENTS} and the JIT has settled the warm-up
 * goes on, up to {@link #LONGEST} times the budget, so a loaded machine gets a warm compute too ({@link JitSettling}).
 */
final class DatabaseWarmUp {
    static final String PREFIX = "lakepg_warm_up_";
    /** As pgbench's default benchmark here: concurrent sessions commit in the same quorum rounds. */
    private static final int CLIENTS = 4;
    /** Enough for a loaded table's paths (COPY, an index build of several levels) in about a second. */
    private static final int ACCOUNTS = 20_000;
    /** How many budgets a warm-up may take at most while the JIT has not settled. */
    static final int LONGEST = 4;
    /**
     * Statements after which a transaction's methods have passed C2's thresholds (about 5,000 calls of a method
     * called once per transaction of 9 statements): an idle JIT before that only means the hot code is still
     * running its profiled C1 version.
     */
    static final int ENOUGH_STATEMENTS = 50_000;

    /** What a warm-up did: statements run, and whether it ended because the JIT had settled. */
    record Outcome(int statements, boolean jitSettled) {
    }

    private DatabaseWarmUp() {
    }

    static String scratchName() {
        return PREFIX + ProcessHandle.current().pid();
    }

    /**
     * Runs the warm-up on {@code database} (created here) for {@code budget}, longer while the JIT is still busy, drops
     * it and opens the server to every session (failures are tolerated: this only warms code up).
     */
    static Outcome run(LakepgServer server, String database, Duration budget) {
        Cluster cluster = server.cluster();
        AtomicInteger statements = new AtomicInteger();
        boolean settled = false;
        try {
            for (String name : cluster.databaseNames()) {
                if (name.startsWith(PREFIX)) {
                    cluster.drop(name, true, null);
                }
            }
            cluster.create(database, "template0");
            long begun = System.nanoTime();
            long least = begun + budget.toNanos();
            long most = begun + LONGEST * budget.toNanos();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            WarmUpWorkload workload = new WarmUpWorkload(ACCOUNTS);
            try (WarmUpClient c = WarmUpClient.connect(server.address(), "postgres", database)) {
                statements.addAndGet(workload.setUp(c));
            }
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int stream = i;
                clients.add(Thread.ofPlatform().name("lakepg-warm-up-" + i).start(() -> {
                    try (WarmUpClient c = WarmUpClient.connect(server.address(), "postgres", database)) {
                        workload.run(c, stream, () -> !stop.get(), Long.MAX_VALUE, statements);
                    } catch (java.io.IOException | RuntimeException e) {
                        // a failed client only makes the warm-up shorter
                    }
                }));
            }
            try {
                JitSettling jit = new JitSettling();
                while (clients.stream().anyMatch(Thread::isAlive)) {
                    Thread.sleep(1000);
                    settled = jit.settledSinceLastLook() && statements.get() >= ENOUGH_STATEMENTS;
                    long now = System.nanoTime();
                    if (now >= most || (now >= least && settled)) {
                        break;
                    }
                }
            } finally {
                stop.set(true);
                for (Thread t : clients) {
                    t.join();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // a failed warm-up only makes the first clients slower
        } finally {
            try {
                cluster.drop(database, true, null);
            } catch (RuntimeException e) {
                // left for the next start to drop
            }
            cluster.openToAll();
        }
        return new Outcome(statements.get(), settled);
    }
}
