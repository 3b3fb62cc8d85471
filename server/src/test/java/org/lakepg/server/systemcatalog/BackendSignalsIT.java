package org.lakepg.server.systemcatalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lakepg.server.TestServer;

/**
 * A statement computing for long (a cross join of catalog relations) leaves the server answering
 * other sessions, shows in pg_stat_activity, and stops when another session calls
 * pg_cancel_backend or pg_terminate_backend on it.
 */
class BackendSignalsIT {
    private static final String RUNAWAY = "select count(*) from pg_proc a, pg_proc b, pg_proc c";
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("backend-signals");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static Connection connect(String application) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.address().getPort()
                + "/postgres?user=postgres&ApplicationName=" + application);
    }

    private static CompletableFuture<SQLException> runaway(Connection c) {
        return CompletableFuture.supplyAsync(() -> {
            try (Statement s = c.createStatement()) {
                s.executeQuery(RUNAWAY);
                return null;
            } catch (SQLException e) {
                return e;
            }
        });
    }

    private static int activePid(Connection admin, String application) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery(
                    "select pid from pg_stat_activity where application_name = '" + application
                            + "' and state = 'active'")) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the runaway statement never showed as active");
    }

    @Test
    void cancelStopsTheStatementAndTheSessionGoesOn() throws Exception {
        try (Connection victim = connect("bs_cancel"); Connection admin = connect("bs_admin")) {
            CompletableFuture<SQLException> result = runaway(victim);
            int pid = activePid(admin, "bs_cancel");
            try (Statement s = admin.createStatement();
                 ResultSet rs = s.executeQuery("select pg_cancel_backend(" + pid + ")")) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
            }
            SQLException error = result.get(30, TimeUnit.SECONDS);
            assertThat((Throwable) error).isNotNull();
            assertThat(error.getSQLState()).isEqualTo("57014");
            try (Statement s = victim.createStatement(); ResultSet rs = s.executeQuery("select 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void terminateStopsTheStatementAndEndsTheSession() throws Exception {
        try (Connection victim = connect("bs_terminate"); Connection admin = connect("bs_admin2")) {
            CompletableFuture<SQLException> result = runaway(victim);
            int pid = activePid(admin, "bs_terminate");
            try (Statement s = admin.createStatement();
                 ResultSet rs = s.executeQuery("select pg_terminate_backend(" + pid + ")")) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
            }
            assertThat((Throwable) result.get(30, TimeUnit.SECONDS)).isNotNull();
            SQLException next = null;
            try (Statement s = victim.createStatement()) {
                s.executeQuery("select 1");
            } catch (SQLException e) {
                next = e;
            }
            assertThat((Throwable) next).isNotNull();
            assertThat(next.getSQLState()).isIn("57P01", "08003", "08006");
        }
    }
}
