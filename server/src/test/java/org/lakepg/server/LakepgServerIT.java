package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.server.cli.ServerConfig;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;

/** The whole server over real sockets with pgjdbc: what a JDBC application sees. */
class LakepgServerIT {
    private static LakepgServer server;
    private static Path data;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        data = dir;
        ServerConfig config = ServerConfig.parse(List.of("--port", "0", "--data", data.toString()), Map.of());
        server = LakepgServer.start(config);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static String url(String extra) {
        return "jdbc:postgresql://127.0.0.1:" + server.address().getPort() + "/postgres?user=postgres" + extra;
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(""));
    }

    @Test
    void selectsLiteralsAndArithmeticLikePostgres() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select 1 as one, 1 + 2.5, 'a' || 'b' as ab, 2 ^ 10, 7 / 2, true and null")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("one")).isEqualTo(1);
            assertThat(rs.getBigDecimal(2)).isEqualByComparingTo(new BigDecimal("3.5"));
            assertThat(rs.getString("ab")).isEqualTo("ab");
            assertThat(rs.getDouble(4)).isEqualTo(1024.0);
            assertThat(rs.getInt(5)).isEqualTo(3);
            assertThat(rs.getObject(6)).isNull();
            assertThat(rs.getMetaData().getColumnName(2)).isEqualTo("?column?");
            assertThat(rs.getMetaData().getColumnTypeName(2)).isEqualTo("numeric");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void preparedStatementsInferParameterTypesAndWorkInBinary() throws Exception {
        for (String mode : List.of("", "&prepareThreshold=-1")) {
            try (Connection c = DriverManager.getConnection(url(mode));
                 PreparedStatement ps = c.prepareStatement("select ?::int4 + 1, ? || 'x', ?::numeric * 2")) {
                ps.setInt(1, 41);
                ps.setString(2, "y");
                ps.setBigDecimal(3, new BigDecimal("1.25"));
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(42);
                    assertThat(rs.getString(2)).isEqualTo("yx");
                    assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("2.50");
                }
            }
        }
    }

    @Test
    void errorsCarrySqlStateAndPositionAndTheSessionGoesOn() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("select 1/0"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("22012");
                        assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("division by zero");
                    });
            assertThatThrownBy(() -> s.executeQuery("select nosuchcolumn"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42703");
                        assertThat(e.getServerErrorMessage().getPosition()).isEqualTo(8);
                    });
            // an operator's error points at its leftmost operand, as PostgreSQL's exprLocation does
            assertThatThrownBy(() -> s.executeQuery(
                    "select array_agg(distinct a order by a + 1) from (values (1)) v(a)"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42P10");
                        assertThat(e.getServerErrorMessage().getPosition()).isEqualTo(38);
                    });
            assertThatThrownBy(() -> s.executeQuery("selec 1"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42601");
                        assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("syntax error at or near \"selec\"");
                    });
            assertThatThrownBy(() -> s.executeQuery("select 1 + 'a'::text"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42883");
                        assertThat(e.getServerErrorMessage().getMessage())
                                .isEqualTo("operator does not exist: integer + text");
                    });
            try (ResultSet rs = s.executeQuery("select 2")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void failedTransactionBlockRefusesUntilRollback() throws Exception {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("select 1");
                assertThatThrownBy(() -> s.execute("select 1/0")).hasMessageContaining("division by zero");
                assertThatThrownBy(() -> s.execute("select 1"))
                        .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25P02"));
                c.rollback();
                s.execute("select 1");
            }
        }
    }

    @Test
    void anExpressionNestedDeeperThanTheStackIsRefusedLikePostgresAndAbortsTheBlock() throws Exception {
        // the parser reads a long chain of + as a loop; the analyzer walks the left-deep tree it makes recursively
        String deep = "select " + "1+".repeat(500_000) + "1";
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("select 1");
                assertThatThrownBy(() -> s.execute(deep)).isInstanceOfSatisfying(PSQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("54001");
                    assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("stack depth limit exceeded");
                });
                assertThatThrownBy(() -> s.execute("select 1"))
                        .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25P02"));
                c.rollback();
                try (ResultSet rs = s.executeQuery("select 2")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(2);
                }
            }
        }
    }

    @Test
    void setAndShowWithReportedParameters() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("set application_name = 'it-test'");
            assertThat(((PGConnection) c).getParameterStatus("application_name")).isEqualTo("it-test");
            try (ResultSet rs = s.executeQuery("show application_name")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("it-test");
            }
            s.execute("begin");
            s.execute("set local extra_float_digits = 0");
            s.execute("rollback");
            try (ResultSet rs = s.executeQuery("show extra_float_digits")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("1"); // the session's value, restored by ROLLBACK
            }
            assertThatThrownBy(() -> s.execute("set no_such_setting = 1"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42704"));
        }
    }

    @Test
    void tablesKeepRowsAcrossStatementsAndRollBack() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table it_origin (id int not null, name text)");
            s.execute("insert into it_origin values (1, 'a'), (2, 'b')");
            try (ResultSet rs = s.executeQuery("select name, id * 2 as twice from it_origin order by id desc")) {
                assertThat(rs.getMetaData().getColumnLabel(2)).isEqualTo("twice");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("b");
                assertThat(rs.getInt(2)).isEqualTo(4);
            }
            c.setAutoCommit(false);
            s.execute("delete from it_origin");
            c.rollback();
            try (ResultSet rs = s.executeQuery("select count(*) from it_origin")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2);
            }
            c.setAutoCommit(true);
            s.execute("drop table it_origin");
        }
    }

    @Test
    void commitOutsideABlockWarnsAsPostgresDoes() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("commit");
            SQLWarning w = s.getWarnings();
            assertThat((Object) w).isNotNull();
            assertThat(w.getMessage()).isEqualTo("there is no transaction in progress");
            assertThat(w.getSQLState()).isEqualTo("25P01");
        }
    }

    @Test
    void unknownDatabaseAndRoleAreFatal() {
        String port = Integer.toString(server.address().getPort());
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/nope?user=postgres"))
                .isInstanceOfSatisfying(PSQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("3D000");
                    assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("database \"nope\" does not exist");
                });
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=nobody"))
                .isInstanceOfSatisfying(PSQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("28000");
                    assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("role \"nobody\" does not exist");
                });
    }

    @Test
    void secondServerOnTheSameDataDirectoryIsRefused() throws Exception {
        ServerConfig config = ServerConfig.parse(List.of("--port", "0", "--data", data.toString()), Map.of());
        assertThatThrownBy(() -> LakepgServer.start(config)).hasMessageContaining("is in use by another lakepg");
    }

    @Test
    void passwordAuthenticationForNonLoopbackRules(@TempDir Path dir) throws Exception {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, dir, "local", Optional.empty(), Optional.empty(),
                "all=scram-sha-256", Optional.of("s3cret"), Map.of());
        try (LakepgServer secured = LakepgServer.start(config)) {
            String base = "jdbc:postgresql://127.0.0.1:" + secured.address().getPort() + "/postgres";
            Properties ok = new Properties();
            ok.setProperty("user", "postgres");
            ok.setProperty("password", "s3cret");
            try (Connection c = DriverManager.getConnection(base, ok); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select current_user")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("postgres");
            }
            Properties wrong = new Properties();
            wrong.setProperty("user", "postgres");
            wrong.setProperty("password", "nope");
            assertThatThrownBy(() -> DriverManager.getConnection(base, wrong))
                    .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        }
    }
}
