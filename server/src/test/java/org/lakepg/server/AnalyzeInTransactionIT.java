package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lakepg.server.JdbcRows.rows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ANALYZE inside a transaction: the transaction plans with what it measured and pg_class.reltuples shows it, as
 * PostgreSQL's uncommitted pg_statistic/pg_class rows do; others see it once it commits, nobody if it rolls back.
 */
class AnalyzeInTransactionIT {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("analyze-in-transaction");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theTransactionPlansWithItsOwnMeasurements() throws Exception {
        try (Connection c = DriverManager.getConnection(server.url());
             Connection other = DriverManager.getConnection(server.url());
             Statement s = c.createStatement()) {
            s.execute("create table analyzed_here (a int, b int)");
            assertThat(rows(c, "select reltuples from pg_class where relname = 'analyzed_here'"))
                    .as("never vacuumed nor analyzed").containsExactly("-1");
            c.setAutoCommit(false);
            s.execute("insert into analyzed_here select g % 10, g from generate_series(1, 10000) g");
            s.execute("analyze analyzed_here");
            assertThat(rows(c, "explain select * from analyzed_here where a = 3").getFirst())
                    .as("ten distinct values of a: a tenth of the rows").contains("rows=1000 ");
            assertThat(rows(c, "select reltuples from pg_class where relname = 'analyzed_here'"))
                    .containsExactly("10000");
            c.rollback();
            assertThat(rows(c, "select reltuples from pg_class where relname = 'analyzed_here'"))
                    .as("the measurement rolled back with its transaction").containsExactly("-1");
            s.execute("insert into analyzed_here select g % 4, g from generate_series(1, 2000) g");
            s.execute("analyze analyzed_here");
            assertThat(rows(other, "select reltuples from pg_class where relname = 'analyzed_here'"))
                    .as("not committed yet").containsExactly("-1");
            c.commit();
            assertThat(rows(other, "select reltuples from pg_class where relname = 'analyzed_here'"))
                    .containsExactly("2000");
            assertThat(rows(other, "explain select * from analyzed_here where a = 3").getFirst()).contains("rows=500 ");
        }
    }
}
