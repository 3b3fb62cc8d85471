package org.lakepg.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.lakepg.server.LakepgServer;

/**
 * Warms a standby compute up by running a short pgbench-like session against a throwaway server on a scratch data
 * directory, through a real socket: afterwards the JVM has loaded and compiled what opening a data directory, a
 * session and its first statements need, so that a wake-up costs about what a warm server costs. Bounded in time.
 */
final class ScratchWarmUp {
    /** The standby's budget: short, as the proxy may need the compute any moment. */
    static final java.time.Duration STANDBY_BUDGET = java.time.Duration.ofSeconds(3);
    static final String PREFIX = "lakepg-standby-warm-up-";

    private ScratchWarmUp() {
    }

    /**
     * Runs the warm-up for about {@code budget}; returns how many statements ran (failures are tolerated: this only
     * warms code up).
     */
    static int run(java.time.Duration budget) {
        Path dir;
        try {
            deleteLeftovers();
            dir = Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-");
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        int statements = 0;
        try {
            ServerConfig config = ServerConfig.parse(List.of("--port", "0", "--listen", "127.0.0.1",
                    "--data", dir.toString(), "--auth", "all=trust", "-c", "autovacuum=off"), Map.of());
            try (LakepgServer server = LakepgServer.start(config)) {
                for (int round = 0; round < 2; round++) {
                    statements += session(server, round, budget.toNanos() / 2);
                }
            }
        } catch (Exception e) {
            // a failed warm-up only makes the wake-up slower
        } finally {
            delete(dir);
        }
        return statements;
    }

    private static int session(LakepgServer server, int round, long budgetNanos) throws IOException {
        try (WarmUpClient c = WarmUpClient.connect(server.address(), "postgres", "postgres")) {
            WarmUpWorkload workload = new WarmUpWorkload(2000);
            int statements = workload.setUp(c);
            long deadline = System.nanoTime() + budgetNanos;
            java.util.concurrent.atomic.AtomicInteger ran = new java.util.concurrent.atomic.AtomicInteger(statements);
            workload.run(c, round, () -> System.nanoTime() < deadline, Math.max(3000, budgetNanos / 1_000_000), ran);
            return ran.get();
        }
    }

    /**
     * Deletes the scratch directories of standbys that are gone: a standby killed while warming up (the proxy starts
     * and kills spare computes) never reaches its own delete. The directory name carries the owner's pid.
     */
    static void deleteLeftovers() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            dirs.filter(d -> d.getFileName().toString().startsWith(PREFIX)).filter(d -> !ownerAlive(d))
                    .forEach(ScratchWarmUp::delete);
        }
    }

    private static boolean ownerAlive(Path dir) {
        String rest = dir.getFileName().toString().substring(PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            return ProcessHandle.of(Long.parseLong(dash < 0 ? rest : rest.substring(0, dash))).isPresent();
        } catch (NumberFormatException e) {
            return true; // not named by this code: leave it alone
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
