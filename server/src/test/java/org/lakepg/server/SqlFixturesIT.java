package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lakepg.server.cli.ServerConfig;

/**
 * Queries whose answers were recorded from PostgreSQL 15 ({@code scripts/record-sql-fixtures.sh}),
 * run against lakepg: every {@code sql-fixtures/*.tsv} line is one test. Results are compared as
 * {@code psql -At} prints them; errors by SQLSTATE and message.
 */
class SqlFixturesIT {
    private static LakepgServer server;
    private static Connection connection;

    @BeforeAll
    static void start(@TempDir Path data) throws Exception {
        server = LakepgServer.start(ServerConfig.parse(List.of("--port", "0", "--data", data.toString()), Map.of()));
        connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.address().getPort()
                + "/postgres?user=postgres&preferQueryMode=simple&options=-c%20TimeZone=UTC%20-c%20DateStyle=ISO,MDY");
    }

    @AfterAll
    static void stop() throws SQLException {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static Stream<Arguments> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(SqlFixturesIT.class.getResource("/sql-fixtures").toURI());
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            // -Dlakepg.fixtures=obj_,ddl_ runs only the files whose names start so (all files still must pass at commit)
            List<String> only = List.of(System.getProperty("lakepg.fixtures", "").split(","));
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")
                    && only.stream().anyMatch(f.getFileName().toString()::startsWith)).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) {
                        out.add(Arguments.of(file.getFileName().toString(), line.substring(0, tab),
                                line.substring(tab + 1)));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("fixtures")
    void answersAsPostgres(String file, String query, String expected) throws SQLException {
        assertThat(run(query)).isEqualTo(expected);
    }

    /** psql -At's rendering: columns joined by |, NULL as empty, rows by a literal \n. */
    private static String render(ResultSet rs) throws SQLException {
        StringBuilder out = new StringBuilder();
        int columns = rs.getMetaData().getColumnCount();
        boolean first = true;
        while (rs.next()) {
            if (!first) {
                out.append("\\n");
            }
            first = false;
            for (int i = 1; i <= columns; i++) {
                if (i > 1) {
                    out.append('|');
                }
                String v = rs.getString(i);
                out.append(v == null ? "" : v);
            }
        }
        return out.toString();
    }

    private static String run(String query) throws SQLException {
        try (Statement s = connection.createStatement()) {
            // like psql 15 -c, a line of several statements shows the rows of each of them, one after the other
            StringBuilder out = new StringBuilder();
            boolean isRows = s.execute(query);
            while (isRows || s.getUpdateCount() != -1) {
                if (isRows) {
                    try (ResultSet rs = s.getResultSet()) {
                        String rows = render(rs);
                        if (!rows.isEmpty()) {
                            out.append(out.isEmpty() ? "" : "\\n").append(rows);
                        }
                    }
                }
                isRows = s.getMoreResults();
            }
            return out.toString();
        } catch (SQLException e) {
            return "ERROR " + e.getSQLState() + " " + (e instanceof org.postgresql.util.PSQLException p
                    && p.getServerErrorMessage() != null ? p.getServerErrorMessage().getMessage() : e.getMessage());
        }
    }
}
