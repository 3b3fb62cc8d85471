package org.lakepg.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.server.LakepgServer;
import org.lakepg.server.cli.ServerConfig;

/**
 * statement_timeout and lock_timeout set with SET stop a statement with PostgreSQL's errors, and a statement
 * whose client went away stops instead of computing (and buffering) for nobody.
 */
class StatementLimitsIT {
    private static final String ENDLESS = "select count(*) from generate_series(1, 1000000000) a, generate_series(1, 1000000000) b";
    private static LakepgServer server;

    @BeforeAll
    static void start(@TempDir Path data) throws Exception {
        server = LakepgServer.start(ServerConfig.parse(List.of("--port", "0", "--data", data.toString()), Map.of()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Connection connect(String application) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.address().getPort()
                + "/postgres?user=postgres&ApplicationName=" + application);
    }

    @Test
    void statementTimeoutCancelsAnEndlessQueryAndTheSessionGoesOn() throws Exception {
        try (Connection c = connect("sl_timeout"); Statement s = c.createStatement()) {
            s.execute("set statement_timeout = '200ms'");
            assertThatThrownBy(() -> s.executeQuery(ENDLESS)).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("57014");
                assertThat(e.getMessage()).contains("canceling statement due to statement timeout");
            });
            assertThatThrownBy(() -> s.executeQuery("select pg_sleep(30)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"));
            s.execute("reset statement_timeout");
            try (ResultSet rs = s.executeQuery("select count(*) from generate_series(1, 1000) a, generate_series(1, 1000) b")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1_000_000L);
            }
        }
    }

    @Test
    void statementTimeoutAlsoStopsAnExtendedProtocolStatement() throws Exception {
        try (Connection c = connect("sl_extended")) {
            try (Statement s = c.createStatement()) {
                s.execute("set statement_timeout = 200");
            }
            try (var ps = c.prepareStatement("select count(*) from generate_series(1, ?::int) a, generate_series(1, ?::int) b")) {
                ps.setInt(1, 1_000_000_000);
                ps.setInt(2, 1_000_000_000);
                assertThatThrownBy(ps::executeQuery).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo("57014"));
            }
        }
    }

    @Test
    void lockTimeoutStopsAWaitForARowLock() throws Exception {
        try (Connection holder = connect("sl_holder"); Connection waiter = connect("sl_waiter");
             Statement h = holder.createStatement(); Statement w = waiter.createStatement()) {
            h.execute("drop table if exists sl_locked");
            h.execute("create table sl_locked (id int primary key, v int)");
            h.execute("insert into sl_locked values (1, 0)");
            holder.setAutoCommit(false);
            h.executeUpdate("update sl_locked set v = 2 where id = 1");
            w.execute("set lock_timeout = '150ms'");
            assertThatThrownBy(() -> w.executeUpdate("update sl_locked set v = 1 where id = 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("55P03");
                        assertThat(e.getMessage()).contains("canceling statement due to lock timeout");
                    });
            holder.rollback();
            holder.setAutoCommit(true);
            assertThat(w.executeUpdate("update sl_locked set v = 1 where id = 1")).isEqualTo(1);
            h.execute("drop table sl_locked");
        }
    }

    @Test
    void aStatementWhoseClientDisconnectedStops() throws Exception {
        try (Connection admin = connect("sl_admin")) {
            Connection victim = connect("sl_gone");
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
                try (Statement s = victim.createStatement()) {
                    s.executeQuery(ENDLESS);
                } catch (SQLException expected) {
                    // the connection is closed under it
                }
            });
            assertThat(sessionsOf(admin, "sl_gone", "active", 10_000)).isTrue();
            long closedAt = System.nanoTime();
            victim.abort(Executors.newSingleThreadExecutor()); // drops the socket, no Terminate message
            assertThat(sessionsOf(admin, "sl_gone", null, 10_000)).isFalse();
            System.out.printf("statement stopped %d ms after the client disconnected%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAt));
            running.get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Polls pg_stat_activity for a session of this application (in this state, if given) until it is there
     * (when looking for presence) or gone; returns whether it is there at the end.
     */
    private static boolean sessionsOf(Connection admin, String application, String state, long timeoutMillis)
            throws Exception {
        boolean wantPresent = state != null;
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        boolean present;
        do {
            try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery(
                    "select count(*) from pg_stat_activity where application_name = '" + application + "'"
                            + (state == null ? "" : " and state = '" + state + "'"))) {
                rs.next();
                present = rs.getLong(1) > 0;
            }
            if (present == wantPresent) {
                return present;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < end);
        return present;
    }
}
