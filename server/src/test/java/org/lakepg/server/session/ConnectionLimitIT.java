package org.lakepg.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lakepg.server.TestServer;
import org.postgresql.util.PSQLException;

/**
 * max_connections and superuser_reserved_connections are enforced as PostgreSQL does: FATAL 53300 for the connection
 * over the limit, the other sessions unharmed, and the slot free again once a session ends.
 */
class ConnectionLimitIT {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("connection-limit", List.of("-c", "max_connections=5",
                "-c", "superuser_reserved_connections=2"));
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("create role app login password 'pw'");
            s.execute("create table limits_t (v int)");
            s.execute("grant select on limits_t to app");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static Connection superuser() throws SQLException {
        return DriverManager.getConnection(server.url());
    }

    private static Connection app() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.address().getPort()
                + "/postgres?user=app&password=pw");
    }

    /** A session's slot is given back when the server has ended it, a moment after the client closed. */
    private static Connection appOnceSlotsAreFree() throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                return app();
            } catch (PSQLException e) {
                if (!"53300".equals(e.getSQLState()) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    @Test
    void theLastSlotsAreForSuperusersAndNoneBeyondMaxConnections() throws Exception {
        List<Connection> open = new ArrayList<>();
        try {
            open.add(app());
            open.add(app());
            open.add(app());
            assertThatThrownBy(ConnectionLimitIT::app).isInstanceOfSatisfying(PSQLException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("53300");
                assertThat(e.getMessage()).contains(
                        "remaining connection slots are reserved for non-replication superuser connections");
            });
            open.add(superuser());
            open.add(superuser());
            assertThatThrownBy(ConnectionLimitIT::superuser).isInstanceOfSatisfying(PSQLException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("53300");
                assertThat(e.getMessage()).contains("sorry, too many clients already");
            });
            try (Statement s = open.get(0).createStatement(); ResultSet rs = s.executeQuery(
                    "select count(*) from pg_stat_activity where backend_type = 'client backend'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(5); // the refused ones left nothing behind
            }
            open.remove(4).close();
            open.remove(3).close();
            open.remove(0).close();
            open.add(appOnceSlotsAreFree()); // the freed slots are usable again
            try (Statement s = open.get(open.size() - 1).createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from limits_t")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        } finally {
            for (Connection c : open) {
                c.close();
            }
        }
    }
}
