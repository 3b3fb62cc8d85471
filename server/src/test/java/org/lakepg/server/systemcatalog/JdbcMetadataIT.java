package org.lakepg.server.systemcatalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.lakepg.server.LakepgServer;
import org.lakepg.server.cli.ServerConfig;

/** pgjdbc's DatabaseMetaData against lakepg and a real PostgreSQL 15 with the same schema: the same rows. */
class JdbcMetadataIT {
    private static final String SCHEMA = """
            create table jd_people (id int primary key, name text not null, email varchar(80) unique,
                                    score numeric(10,2));
            create table jd_items (item_id bigint primary key, owner int, label char(5));
            create index jd_items_owner on jd_items (owner)
            """;

    private static LakepgServer lakepg;
    private static ReferencePostgres reference;
    private static Connection expected;
    private static Connection actual;

    @BeforeAll
    static void start() throws Exception {
        reference = ReferencePostgres.start();
        Path data = Files.createTempDirectory("lakepg-jdbc-metadata");
        lakepg = LakepgServer.start(ServerConfig.parse(List.of("--port", "0", "--data", data.toString()), Map.of()));
        expected = connect(reference.port());
        actual = connect(lakepg.address().getPort());
        for (Connection c : List.of(expected, actual)) {
            try (Statement s = c.createStatement()) {
                for (String ddl : SCHEMA.split(";")) {
                    s.execute(ddl);
                }
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {actual, expected, lakepg, reference}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
    }

    private interface Query {
        ResultSet run(DatabaseMetaData md) throws SQLException;
    }

    private static void assertSameRows(Query query) throws SQLException {
        assertThat(rows(query.run(actual.getMetaData()))).isEqualTo(rows(query.run(expected.getMetaData())));
    }

    private static List<List<String>> rows(ResultSet rs) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        List<String> header = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            header.add(rs.getMetaData().getColumnLabel(i));
        }
        out.add(header);
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                row.add(rs.getString(i));
            }
            out.add(row);
        }
        return out;
    }

    @Test
    void tables() throws SQLException {
        assertSameRows(md -> md.getTables(null, "public", "jd%", null));
        assertSameRows(md -> md.getTables(null, "public", "jd%", new String[] {"TABLE"}));
    }

    @Test
    void catalogsAndTableTypes() throws SQLException {
        assertSameRows(DatabaseMetaData::getCatalogs);
        assertSameRows(DatabaseMetaData::getTableTypes);
    }

    @Test
    void functionsAndProceduresOfTheUser() throws SQLException {
        assertSameRows(md -> md.getFunctions(null, "public", "%"));
        assertSameRows(md -> md.getProcedures(null, "public", "%"));
    }

    @Test
    void columns() throws SQLException {
        assertSameRows(md -> md.getColumns(null, "public", "jd_people", null));
    }

    @Test
    @Disabled("pgjdbc's getPrimaryKeys/getIndexInfo call information_schema._pg_expandarray, not there yet")
    void keysIndexesAndSchemas() throws SQLException {
        assertSameRows(md -> md.getPrimaryKeys(null, "public", "jd_people"));
        assertSameRows(md -> md.getIndexInfo(null, "public", "jd_items", false, false));
        assertSameRows(DatabaseMetaData::getSchemas);
    }

    @Test
    @Disabled("pgjdbc's getTypeInfo calls array_upper, not implemented yet")
    void typeInfo() throws SQLException {
        assertSameRows(DatabaseMetaData::getTypeInfo);
    }
}
