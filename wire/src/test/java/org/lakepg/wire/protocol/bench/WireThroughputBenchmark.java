package org.lakepg.wire.protocol.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.lakepg.wire.protocol.WireTestServer;
import org.lakepg.wire.protocol.testengine.TestAuthentication;

/**
 * Prints what the protocol layer alone costs (the test engine does almost nothing): round trips
 * per second, rows per second, logins per second. A program, not a test; run it with
 * {@code java -cp <test classpath> org.lakepg.wire.protocol.bench.WireThroughputBenchmark [seconds]}.
 */
public final class WireThroughputBenchmark {
    private WireThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        try (WireTestServer server = new WireTestServer()) {
            warmUp(server);
            report("simple query 'select 1', 1 connection", "queries/s", run(server, 1, seconds, c -> simpleSelect(c)));
            report("simple query 'select 1', 8 connections", "queries/s", run(server, 8, seconds, c -> simpleSelect(c)));
            report("prepared binary 'select $1', 1 connection", "executions/s", run(server, 1, seconds, c -> preparedEcho(c)));
            long rows = 200_000;
            report("streaming 'series 200000', 1 connection", "rows/s",
                    run(server, 1, seconds, c -> series(c, rows)) * rows);
            report("trust logins, 4 threads", "connections/s", run(server, 4, seconds, c -> login(server, "trusted", null)));
            report("SCRAM-SHA-256 logins, 4 threads", "connections/s",
                    run(server, 4, seconds, c -> login(server, "scram_user", TestAuthentication.PASSWORD)));
        }
    }

    private interface Operation {
        void run(Connection connection) throws Exception;
    }

    /** Runs the operation in a loop on each of n connections; returns operations per second. */
    private static double run(WireTestServer server, int connections, int seconds, Operation operation) throws Exception {
        AtomicLong count = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (Connection c = server.connect()) {
                    while (System.nanoTime() < deadline) {
                        operation.run(c);
                        count.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return count.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static void simpleSelect(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 1")) {
            rs.next();
        }
    }

    private static void preparedEcho(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select ?")) {
            ps.setInt(1, 42);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
    }

    private static void series(Connection c, long rows) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("series " + rows)) {
            long n = 0;
            while (rs.next()) {
                n++;
            }
            if (n != rows) {
                throw new IllegalStateException("got " + n + " rows");
            }
        }
    }

    private static void login(WireTestServer server, String user, String password) throws Exception {
        server.connect(user, password, "").close();
    }

    private static void warmUp(WireTestServer server) throws Exception {
        run(server, 2, 1, c -> simpleSelect(c));
    }

    private static void report(String what, String unit, double value) {
        System.out.printf("%-45s %,12.0f %s%n", what, value, unit);
    }
}
