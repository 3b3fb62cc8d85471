package org.lakepg.server.systemcatalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.lakepg.server.TestServer;

/**
 * A lakepg and a real PostgreSQL 15 holding the same schema, with a pgjdbc connection to each (to database
 * postgres as user postgres): the tests that compare lakepg's catalog answers with PostgreSQL's.
 */
final class SameSchemaServers implements AutoCloseable {
    final ReferencePostgres reference;
    final TestServer lakepg;
    /** To PostgreSQL: what lakepg must answer. */
    final Connection expected;
    /** To lakepg. */
    final Connection actual;

    private SameSchemaServers(ReferencePostgres reference, TestServer lakepg) throws SQLException {
        this.reference = reference;
        this.lakepg = lakepg;
        this.expected = connect(reference.port(), "postgres");
        this.actual = connect(lakepg.address().getPort(), "postgres");
    }

    /** @param schema statements each ending with ";" at the end of a line */
    static SameSchemaServers start(String name, String schema) throws Exception {
        SameSchemaServers servers = new SameSchemaServers(ReferencePostgres.start(), TestServer.start(name));
        for (Connection c : List.of(servers.expected, servers.actual)) {
            try (Statement s = c.createStatement()) {
                for (String ddl : schema.split(";\n")) {
                    if (!ddl.isBlank()) {
                        s.execute(ddl);
                    }
                }
            }
        }
        return servers;
    }

    static Connection connect(int port, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres");
    }

    /** The query gives lakepg the rows it gives PostgreSQL (at least one), in any order. */
    void assertSameRowsInAnyOrder(String query) throws SQLException {
        List<String> want = org.lakepg.server.JdbcRows.rows(expected, query);
        org.assertj.core.api.Assertions.assertThat(want).as(query).isNotEmpty();
        org.assertj.core.api.Assertions.assertThat(org.lakepg.server.JdbcRows.rows(actual, query)).as(query)
                .containsExactlyInAnyOrderElementsOf(want);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {actual, expected, lakepg, reference}) {
            if (c != null) {
                c.close();
            }
        }
    }
}
