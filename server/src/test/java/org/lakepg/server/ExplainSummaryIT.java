package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lakepg.server.JdbcRows.rows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** EXPLAIN ANALYZE's summary: "Planning Time" is the planning alone, "Execution Time" the run (pgjdbc, a real server). */
class ExplainSummaryIT {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("explain-summary");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void planningTimeLeavesOutTheExecution() throws Exception {
        try (Connection c = DriverManager.getConnection(server.url())) {
            // the statement sleeps 400 ms while running; planning it takes nowhere near that
            List<String> lines = rows(c, "explain (analyze, costs off) select pg_sleep(0.4)");
            assertThat(millis(lines, "Execution Time: ")).isGreaterThanOrEqualTo(400);
            assertThat(millis(lines, "Planning Time: ")).isLessThan(400);
        }
    }

    private static double millis(List<String> lines, String label) {
        String line = lines.stream().filter(l -> l.startsWith(label)).findFirst().orElseThrow(
                () -> new AssertionError("no \"" + label + "\" in " + lines));
        return Double.parseDouble(line.substring(label.length(), line.indexOf(" ms")));
    }
}
