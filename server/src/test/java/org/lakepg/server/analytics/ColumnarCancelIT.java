package org.lakepg.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.server.JdbcRows;
import org.lakepg.server.LakepgServer;
import org.lakepg.server.cli.ServerConfig;

/**
 * A query running on the columnar engine over a materialized snapshot (Parquet only, no fresh page whose decoding
 * would check for cancellation on its own) stops with 57014 on a CancelRequest and on statement_timeout, and the
 * session goes on working. The query groups 400,000 distinct keys: long enough for the cancel to come while it runs.
 */
class ColumnarCancelIT {
    private static final String QUERY = "select count(*), sum(c) from (select id, count(*) c from an_cancel group by id) x";
    private static final String ANSWER = "400000|400000";

    private static LakepgServer server;
    private static Connection c;
    private static long timeoutMillis;

    @BeforeAll
    static void start(@TempDir Path data) throws Exception {
        server = LakepgServer.start(ServerConfig.parse(List.of("--port", "0", "--data", data.toString()), Map.of()));
        server.cluster().analytics().refresher().setPaused(true); // the snapshot stays the exported one
        c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.address().getPort()
                + "/postgres?user=postgres");
        JdbcRows.run(c, "create table an_cancel (id int8, v int)",
                "insert into an_cancel select g, g % 7 from generate_series(1, 400000) g",
                // leaves autovacuum nothing to do: its worker interrupted by the shutdown mid-WAL-write closes the WAL
                "vacuum analyze an_cancel");
        JdbcRows.rows(c, "select lsn from lakepg_export_snapshot('an_cancel')");
        JdbcRows.run(c, "set lakepg.analytics = on");
        assertThat(String.join("\n", JdbcRows.rows(c, "explain " + QUERY)))
                .contains("Columnar Scan on an_cancel", " 0 fresh pages");
        // warms the engine up; the fastest run sets the timeout far below it, whatever the machine and its load
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            assertThat(JdbcRows.one(c, QUERY)).isEqualTo(ANSWER);
            fastest = Math.min(fastest, System.nanoTime() - start);
        }
        timeoutMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(fastest) / 5);
        System.out.println("ColumnarCancelIT: fastest run " + fastest / 1_000_000 + " ms, timeout " + timeoutMillis + " ms");
    }

    @AfterAll
    static void stop() throws SQLException {
        if (c != null) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void statementTimeoutStopsAColumnarQuery() throws SQLException {
        JdbcRows.run(c, "set statement_timeout = " + timeoutMillis);
        try {
            long runs = server.cluster().analytics().columnarRuns();
            assertThatThrownBy(() -> JdbcRows.one(c, QUERY)).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("57014");
                assertThat(e.getMessage()).contains("canceling statement due to statement timeout");
            });
            assertThat(server.cluster().analytics().columnarRuns()).as("stopped inside the columnar run")
                    .isEqualTo(runs);
        } finally {
            JdbcRows.run(c, "reset statement_timeout");
        }
        assertThat(JdbcRows.one(c, QUERY)).isEqualTo(ANSWER);
    }

    @Test
    void cancelRequestStopsAColumnarQuery() throws Exception {
        long runs = server.cluster().analytics().columnarRuns();
        AtomicInteger completed = new AtomicInteger();
        try (Statement s = c.createStatement()) {
            // the query runs again until a cancel lands inside one run: on a loaded machine a CancelRequest can
            // reach the server only after a run has ended, which cancels nothing (as in PostgreSQL)
            CompletableFuture<Void> query = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        s.executeQuery(QUERY).close();
                        completed.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            // pgjdbc sends a CancelRequest only while a statement runs; keep asking until the loop has ended
            while (!query.isDone()) {
                s.cancel();
                Thread.sleep(10);
            }
            assertThatThrownBy(() -> query.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("57014");
                        assertThat(e.getMessage()).contains("canceling statement due to user request");
                    });
        }
        // the engine stopped: without the checks the cancelled columnar run completes (and counts) and only the row
        // output notices the cancel afterwards
        assertThat(server.cluster().analytics().columnarRuns()).as("stopped inside the columnar run")
                .isEqualTo(runs + completed.get());
        assertThat(JdbcRows.one(c, "select 1")).isEqualTo("1");
        assertThat(JdbcRows.one(c, QUERY)).isEqualTo(ANSWER);
    }
}
