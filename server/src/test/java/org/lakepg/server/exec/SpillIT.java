package org.lakepg.server.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lakepg.server.JdbcRows;
import org.lakepg.server.TestServer;

/**
 * Operators bounded by work_mem over a real server: the same answers at 64kB (spilling) as at 1GB, what EXPLAIN
 * ANALYZE reports, temp_file_limit, cancellation of a big sort, and no file left in pgsql_tmp after any of it.
 * (Answers are compared with PostgreSQL's by the spill_work_mem SQL fixture.)
 */
class SpillIT {
    private static TestServer server;
    private static Connection c;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("spill");
        c = DriverManager.getConnection(server.url());
        JdbcRows.run(c, "set lakepg.analytics = off",
                "create table big as select g as id, (g * 7919) % 100003 as k, md5(g::text) as s,"
                        + " case when g % 10 = 0 then null else g % 1000 end as n from generate_series(1, 200000) g");
    }

    @AfterAll
    static void stop() throws Exception {
        c.close();
        server.close();
    }

    @AfterEach
    void nothingLeftInPgsqlTmp() throws SQLException {
        JdbcRows.run(c, "reset work_mem", "reset temp_file_limit", "reset statement_timeout");
        assertThat(tempFiles()).isZero();
    }

    private static long tempFiles() {
        return server.server().cluster().tempFileSpace().fileCount();
    }

    private static List<String> at(String workMem, String sql) throws SQLException {
        JdbcRows.run(c, "set work_mem = '" + workMem + "'");
        return JdbcRows.rows(c, sql);
    }

    @Test
    void spillingOperatorsAnswerAsTheInMemoryOnes() throws SQLException {
        for (String sql : List.of(
                "select id, n, s from big order by n nulls first, s desc",
                "select id, k from big order by k desc, id limit 7 offset 99990",
                "select n, count(*), sum(k), min(s) from big group by n",
                "select s, count(*), array_agg(id) from big group by s",
                "select distinct k from big",
                "select k from big intersect all select id from big",
                "select k from big except select id + 50000 from big",
                "select a.id, b.id from big a join big b on a.id = b.k",
                "select a.id, b.id, b.s from big a left join big b on a.k = b.id and b.s > 'c'")) {
            List<String> spilled = at("64kB", sql);
            List<String> inMemory = at("1GB", sql);
            assertThat(spilled).as(sql).hasSizeGreaterThan(5);
            if (sql.contains("order by")) {
                assertThat(spilled).as(sql).isEqualTo(inMemory);
            } else {
                assertThat(sorted(spilled)).as(sql).isEqualTo(sorted(inMemory));
            }
        }
    }

    private static List<String> sorted(List<String> rows) {
        return rows.stream().sorted().toList();
    }

    @Test
    void explainAnalyzeReportsHowTheSortAndHashAggregateRan() throws SQLException {
        String sort = "explain (analyze, costs off, timing off, summary off) select * from big order by s";
        assertThat(at("64kB", sort)).anyMatch(l -> l.matches(" *Sort Method: external merge {2}Disk: \\d+kB"));
        assertThat(at("1GB", sort)).anyMatch(l -> l.matches(" *Sort Method: quicksort {2}Memory: \\d+kB"));
        assertThat(at("64kB", sort + " limit 10")).anyMatch(l -> l.matches(" *Sort Method: top-N heapsort {2}Memory: \\d+kB"));
        String agg = "explain (analyze, costs off, timing off, summary off) select s, count(*) from big group by s";
        assertThat(at("64kB", agg)).anyMatch(l -> l.matches(" *Batches: 2 {2}Memory Usage: \\d+kB {2}Disk Usage: \\d+kB"));
        assertThat(at("1GB", agg)).anyMatch(l -> l.matches(" *Batches: 1 {2}Memory Usage: \\d+kB"));
    }

    @Test
    void tempFileLimitStopsTheStatementAndTheConnectionWorksOn() throws SQLException {
        JdbcRows.run(c, "set work_mem = '64kB'", "set temp_file_limit = '100kB'");
        assertThatThrownBy(() -> JdbcRows.rows(c, "select * from big order by s"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("53400");
                    assertThat(e.getMessage()).contains("temporary file size exceeds temp_file_limit (100kB)");
                });
        assertThat(tempFiles()).isZero();
        assertThat(JdbcRows.one(c, "select count(*) from big")).isEqualTo("200000");
    }

    @Test
    void statementTimeoutStopsABigSort() throws SQLException {
        JdbcRows.run(c, "set work_mem = '64kB'", "set statement_timeout = '200ms'");
        assertThatThrownBy(() -> JdbcRows.rows(c, "select * from big a, (values (1), (2), (3)) v order by a.s, v"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"));
        assertThat(tempFiles()).isZero();
        assertThat(JdbcRows.one(c, "select 1")).isEqualTo("1");
    }

    @Test
    void cancelRequestStopsABigSortAndTheConnectionWorksOn() throws Exception {
        JdbcRows.run(c, "set work_mem = '64kB'");
        try (Statement s = c.createStatement()) {
            CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(300);
                    s.cancel();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            assertThatThrownBy(() -> s.executeQuery("select * from big a, (values (1), (2), (3)) v order by a.s, v"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"));
            cancel.get(10, TimeUnit.SECONDS);
        }
        assertThat(tempFiles()).isZero();
        assertThat(JdbcRows.one(c, "select count(*) from big where n is null")).isEqualTo("20000");
    }

    @Test
    void aCursorReadsItsSpilledSortAfterDeclareAndCloseDeletesTheFiles() throws SQLException {
        JdbcRows.run(c, "set work_mem = '64kB'", "begin", "declare cur cursor for select id, s from big order by s");
        assertThat(tempFiles()).isPositive();
        List<String> first = JdbcRows.rows(c, "fetch 3 from cur");
        assertThat(first).containsExactlyElementsOf(JdbcRows.rows(c, "select id, s from big order by s limit 3"));
        assertThat(JdbcRows.rows(c, "fetch forward 199997 from cur")).hasSize(199997);
        JdbcRows.run(c, "close cur");
        assertThat(tempFiles()).isZero();
        JdbcRows.run(c, "declare cur2 cursor for select id, s from big order by s", "fetch 1 from cur2");
        assertThat(tempFiles()).isPositive();
        JdbcRows.run(c, "commit");
    }
}
