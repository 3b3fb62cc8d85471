package org.lakepg.server.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.server.LakepgServer;
import org.lakepg.server.cli.ServerConfig;

/**
 * ANALYZE's statistics outlive the server (DESIGN.md: everything a compute needs after a restart is WAL-logged):
 * pg_stats shows the same values and the planner estimates the same rows after a restart; VACUUM keeps the column
 * statistics, a database-wide ANALYZE forgets dropped tables'.
 */
class KeptStatisticsIT {

    private static LakepgServer start(Path data) throws Exception {
        return LakepgServer.start(ServerConfig.parse(List.of("--port", "0", "--data", data.toString()), Map.of()));
    }

    private static Connection connect(LakepgServer server) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.address().getPort()
                + "/postgres?user=postgres");
    }

    private static List<String> lines(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    line.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(line.toString());
            }
        }
        return out;
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static final String STATS = "select attname, null_frac, avg_width, n_distinct, most_common_vals::text,"
            + " most_common_freqs::text, histogram_bounds::text, correlation from pg_stats where tablename = 'kept' order by attname";
    private static final String PLAN = "explain select * from kept where a = 3 and b = 'v1'";

    @Test
    void statisticsSurviveARestart(@TempDir Path data) throws Exception {
        List<String> stats;
        List<String> plan;
        try (LakepgServer server = start(data); Connection c = connect(server)) {
            run(c, "create table kept (a int, b text, c timestamptz, d numeric)");
            run(c, "insert into kept select i % 10, 'v' || (i % 3), '2020-01-01'::timestamptz + i * interval '1 hour',"
                    + " i / 7.0 from generate_series(1, 5000) i");
            List<String> unmeasured = lines(c, PLAN);
            run(c, "analyze kept");
            stats = lines(c, STATS);
            plan = lines(c, PLAN);
            assertThat(stats).hasSize(4);
            assertThat(stats.get(0)).isEqualTo("a|0|4|10|{0,1,2,3,4,5,6,7,8,9}|"
                    + "{0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1}|null|0.10089961"); // correlation as PostgreSQL computes it
            assertThat(stats.get(2)).startsWith("c|0|8|-1|null|null|{\"2020-01-01 ");
            // 10 values of a, 3 of b: 5000 * 0.1 * 0.3334 rows
            assertThat(plan.get(0)).contains("rows=167 ");
            assertThat(unmeasured.get(0)).doesNotContain("rows=167 ");
            run(c, "vacuum kept");
            assertThat(lines(c, STATS)).isEqualTo(stats);
            // values too wide for a catalog row: ANALYZE succeeds, the column's scalar statistics are kept
            run(c, "create table wide (t text)");
            run(c, "insert into wide select repeat(chr(65 + i % 50), 500) from generate_series(1, 1000) i");
            run(c, "analyze wide");
        }
        try (LakepgServer server = start(data); Connection c = connect(server)) {
            assertThat(lines(c, STATS)).isEqualTo(stats);
            assertThat(lines(c, PLAN)).isEqualTo(plan);
            assertThat(lines(c, "select staattnum, stakind1, stakind2 from pg_statistic"
                    + " where starelid = 'kept'::regclass order by 1"))
                    .containsExactly("1|1|3", "2|1|3", "3|2|3", "4|2|3"); // as PostgreSQL: MCV or histogram, then correlation
            assertThat(lines(c, "select n_distinct, most_common_vals is null from pg_stats where tablename = 'wide'"))
                    .containsExactly("50|t");
            run(c, "drop table wide");
            run(c, "drop table kept");
            run(c, "analyze");
        }
        try (LakepgServer server = start(data); Connection c = connect(server)) {
            assertThat(lines(c, "select count(*) from pg_statistic")).containsExactly("0");
            run(c, "create table kept (a int, b text, c timestamptz, d numeric)");
            assertThat(lines(c, STATS)).isEmpty();
        } finally {
            org.lakepg.storage.local.FileUtil.deleteRecursively(data);
        }
    }

    private static long seqScans(Connection c) throws SQLException {
        return Long.parseLong(lines(c, "select seq_scan from pg_stat_user_tables where relname = 'skewed'").get(0));
    }

    /**
     * A statement prepared over the extended protocol is planned again when ANALYZE changed its table's statistics,
     * as PostgreSQL's plan cache does: never measured, a = 1 looks rare and the index is used; measured, every row
     * has a = 1 and the sequential scan wins. The table's scan counters tell which plan ran.
     */
    @Test
    void preparedStatementsArePlannedAgainAfterAnalyze() throws Exception {
        try (var server = org.lakepg.server.TestServer.start("replan");
             Connection c = DriverManager.getConnection(server.url() + "&prepareThreshold=1")) {
            run(c, "create table skewed (a int, b text)");
            run(c, "insert into skewed select 1, repeat('x', 50) from generate_series(1, 20000)");
            run(c, "create index skewed_a on skewed (a)");
            try (var ps = c.prepareStatement("select count(*) from skewed where a = 1")) {
                long before = seqScans(c);
                for (int i = 0; i < 2; i++) {
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getLong(1)).isEqualTo(20000);
                    }
                }
                assertThat(seqScans(c)).isEqualTo(before);
                run(c, "analyze skewed");
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(20000);
                }
                assertThat(seqScans(c)).isEqualTo(before + 1);
            }
        }
    }

    /** A prepared query whose table changed shape fails as in PostgreSQL instead of returning the old columns. */
    @Test
    void preparedStatementsRefuseAChangedResultType() throws Exception {
        try (var server = org.lakepg.server.TestServer.start("replan-type");
             Connection c = DriverManager.getConnection(server.url() + "&prepareThreshold=1")) {
            run(c, "create table shape (a int)");
            run(c, "insert into shape values (1)");
            try (var ps = c.prepareStatement("select * from shape")) {
                ps.executeQuery().close();
                ps.executeQuery().close();
                run(c, "alter table shape add column b int");
                org.assertj.core.api.Assertions.assertThatThrownBy(ps::executeQuery)
                        .isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getSQLState()).isEqualTo("0A000");
                            assertThat(e.getMessage()).contains("cached plan must not change result type");
                        });
            }
        }
    }

    /**
     * Autovacuum analyzes a table once more rows changed than autovacuum_analyze_threshold (50) plus
     * autovacuum_analyze_scale_factor (0.1) of its rows, by ANALYZE's path: its statistics are kept too.
     */
    @Test
    void autovacuumAnalyzesChangedTables(@TempDir Path data) throws Exception {
        try {
            try (LakepgServer server = LakepgServer.start(ServerConfig.parse(List.of("--port", "0", "--data",
                    data.toString(), "-c", "autovacuum_naptime=1"), Map.of()));
                 Connection c = connect(server)) {
                run(c, "create table few (a int)");
                run(c, "insert into few select i from generate_series(1, 40) i");
                run(c, "create table many (a int)");
                run(c, "insert into many select i % 7 from generate_series(1, 300) i");
                String counts = "select relname, autoanalyze_count, analyze_count, last_autoanalyze is not null"
                        + " from pg_stat_user_tables where relname in ('few', 'many') order by 1";
                for (int i = 0; i < 100 && !lines(c, counts).get(1).equals("many|1|0|t"); i++) {
                    Thread.sleep(100);
                }
                assertThat(lines(c, counts)).containsExactly("few|0|0|f", "many|1|0|t");
                assertThat(lines(c, "select n_distinct, most_common_vals::text from pg_stats where tablename = 'many'"))
                        .containsExactly("7|{1,2,3,4,5,6,0}");
            }
            try (LakepgServer server = LakepgServer.start(ServerConfig.parse(List.of("--port", "0", "--data",
                    data.toString(), "-c", "autovacuum=off"), Map.of()));
                 Connection c = connect(server)) {
                assertThat(lines(c, "select n_distinct from pg_stats where tablename = 'many'")).containsExactly("7");
            }
        } finally {
            org.lakepg.storage.local.FileUtil.deleteRecursively(data);
        }
    }
}
