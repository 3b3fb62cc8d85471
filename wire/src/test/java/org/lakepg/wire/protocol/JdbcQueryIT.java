package org.lakepg.wire.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;

/** pgjdbc against the real server: simple and extended protocol, binary transfer, batches, portals. */
class JdbcQueryIT {
    private static WireTestServer server;

    @BeforeAll
    static void start() throws InterruptedException {
        server = new WireTestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void simpleQueryReturnsRowsAndTags() throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("?column?");
                assertThat(rs.next()).isFalse();
            }
            assertThat(s.executeUpdate("insert simple-row")).isEqualTo(1);
            assertThat(server.engine.table()).contains("simple-row");
        }
    }

    @Test
    void errorsCarryStateMessageAndPositionAndTheSessionGoesOn() throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("error 22012 division by zero"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("22012");
                        assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("division by zero");
                        assertThat(e.getServerErrorMessage().getSeverity()).isEqualTo("ERROR");
                    });
            assertThatThrownBy(() -> s.execute("selec 1"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42601");
                        assertThat(e.getServerErrorMessage().getPosition()).isEqualTo(1);
                    });
            try (ResultSet rs = s.executeQuery("select 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void noticesAndParameterStatusReachTheClient() throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("notice hello there");
            Throwable warning = s.getWarnings();
            assertThat(warning).isNotNull();
            assertThat(warning.getMessage()).contains("hello there");
            s.execute("set application_name my-app");
            assertThat(c.getClientInfo("ApplicationName")).isEqualTo("my-app");
        }
    }

    @Test
    void preparedStatementsWithForcedBinaryTransfer() throws SQLException {
        try (Connection c = server.connect("trusted", null, "prepareThreshold=-1");
             PreparedStatement ps = c.prepareStatement("echo ? ?")) {
            for (int i = 0; i < 3; i++) {
                ps.setInt(1, 40 + i);
                ps.setString(2, "text-" + i);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(40 + i);
                    assertThat(rs.getString(2)).isEqualTo("text-" + i);
                }
            }
            ps.setNull(1, java.sql.Types.INTEGER);
            ps.setString(2, null);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1)).isNull();
                assertThat(rs.getObject(2)).isNull();
            }
        }
    }

    @Test
    void metadataBeforeExecutionComesFromDescribeStatement() throws SQLException {
        try (Connection c = server.connect(); PreparedStatement ps = c.prepareStatement("select ?, ?")) {
            assertThat(ps.getParameterMetaData().getParameterCount()).isEqualTo(2);
            assertThat(ps.getParameterMetaData().getParameterTypeName(1)).isEqualTo("text");
            assertThat(ps.getMetaData().getColumnCount()).isEqualTo(2);
            assertThat(ps.getMetaData().getColumnTypeName(1)).isEqualTo("text");
        }
        try (Connection c = server.connect(); PreparedStatement ps = c.prepareStatement("insert ?")) {
            assertThat(ps.getMetaData()).as("NoData: no result columns").isNull();
        }
    }

    @Test
    void preparedStatementErrorsAreReportedAndTheConnectionRecovers() throws SQLException {
        try (Connection c = server.connect("trusted", null, "prepareThreshold=1")) {
            try (PreparedStatement bad = c.prepareStatement("nonsense ?")) {
                bad.setInt(1, 1);
                assertThatThrownBy(bad::executeQuery).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo("42601"));
            }
            try (PreparedStatement ok = c.prepareStatement("select 1"); ResultSet rs = ok.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void batchesArePipelined() throws SQLException {
        int before = server.engine.table().size();
        try (Connection c = server.connect(); PreparedStatement ps = c.prepareStatement("insert ?")) {
            for (int i = 0; i < 500; i++) {
                ps.setString(1, "batch-" + i);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            assertThat(counts).hasSize(500).containsOnly(1);
        }
        assertThat(server.engine.table().size() - before).isEqualTo(500);
        assertThat(server.engine.table()).contains("batch-0", "batch-499");
    }

    @Test
    void fetchSizeWithAutocommitOffSuspendsThePortal() throws SQLException {
        try (Connection c = server.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("series 1000")) {
                ps.setFetchSize(7);
                List<Integer> values = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        values.add(rs.getInt(1));
                    }
                }
                assertThat(values).hasSize(1000);
                assertThat(values.get(0)).isEqualTo(1);
                assertThat(values.get(999)).isEqualTo(1000);
            }
            c.commit();
        }
    }

    @Test
    void transactionStatusFollowsTheEngine() throws SQLException {
        try (Connection c = server.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute("error 23505 duplicate key")).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> s.execute("select 1")).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo("25P02"));
            }
            c.rollback();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void cancelStopsASleepingStatement() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            Thread canceller = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    s.cancel();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            canceller.start();
            long start = System.nanoTime();
            assertThatThrownBy(() -> s.execute("sleep 30")).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("57014");
                assertThat(e.getMessage()).contains("canceling statement due to user request");
            });
            canceller.join();
            assertThat(System.nanoTime() - start).isLessThan(20_000_000_000L);
            try (ResultSet rs = s.executeQuery("select 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void slowStatementOnOneConnectionDoesNotStallAnother() throws Exception {
        try (Connection slow = server.connect(); Connection fast = server.connect()) {
            Thread sleeper = new Thread(() -> {
                try (Statement s = slow.createStatement()) {
                    s.execute("sleep 3");
                } catch (SQLException e) {
                    throw new RuntimeException(e);
                }
            });
            sleeper.start();
            Thread.sleep(200);
            try (Statement s = fast.createStatement()) {
                for (int i = 0; i < 50; i++) {
                    try (ResultSet rs = s.executeQuery("select 1")) {
                        assertThat(rs.next()).isTrue();
                    }
                }
            }
            // had the fast queries waited for the slow one, the sleeper would be done by now
            assertThat(sleeper.isAlive()).as("the slow statement is still running while the fast one finished").isTrue();
            sleeper.join();
        }
    }

    @Test
    void copyInAndOutThroughCopyManager() throws Exception {
        try (Connection c = server.connect()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            int before = server.engine.table().size();
            long copied = copy.copyIn("copy t from stdin", new java.io.StringReader("alpha\nbeta\ngamma\n"));
            assertThat(copied).isEqualTo(3);
            assertThat(server.engine.table().size() - before).isEqualTo(3);
            java.io.StringWriter out = new java.io.StringWriter();
            long exported = copy.copyOut("copy t to stdout", out);
            assertThat(exported).isEqualTo(server.engine.table().size());
            assertThat(out.toString()).contains("alpha\nbeta\ngamma\n");
        }
    }

    @Test
    void startupParametersAndOptionsReachTheEngine() throws SQLException {
        try (Connection c = server.connect("trusted", null, "assumeMinServerVersion=10&ApplicationName=wire-it&options=-c%20search_path%3Dfoo%20--work_mem%3D64MB")) {
            assertThat(c.isValid(2)).isTrue();
        }
        var startup = server.engine.startups().stream().filter(s -> "wire-it".equals(s.parameters().get("application_name")))
                .findFirst().orElseThrow(() -> new AssertionError(server.engine.startups()));
        assertThat(startup.user()).isEqualTo("trusted");
        assertThat(startup.database()).isEqualTo("test");
        assertThat(startup.parameters()).containsEntry("search_path", "foo").containsEntry("work_mem", "64MB")
                .doesNotContainKeys("user", "database", "options");
        assertThat(startup.processId()).isPositive();
    }

    @Test
    void unknownDatabaseIsFatal3D000() {
        assertThatThrownBy(() -> java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + server.port() + "/nodb?user=x&sslmode=disable"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("3D000");
                    assertThat(e.getMessage()).contains("database \"nodb\" does not exist");
                });
    }
}
