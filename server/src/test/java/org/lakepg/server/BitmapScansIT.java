package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lakepg.server.JdbcRows.rows;
import static org.lakepg.server.JdbcRows.run;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bitmap Heap Scans over B-tree indexes (pgjdbc against a running server): the planner picks them for a condition
 * matching rows spread over the table, they answer what the plans without them answer (after updates and deletes),
 * and EXPLAIN ANALYZE shows the heap pages read ("Heap Blocks: exact=N") and the tuple ids the index scan found.
 */
class BitmapScansIT {
    private static TestServer server;

    private static final List<String> QUERIES = List.of(
            "select a, c from bmt where b = 5 order by a",
            "select count(*), sum(a) from bmt where b = 7 and a < 3000",
            "select a from bmt where b between 10 and 11 and c like 'x1%' order by a",
            "select count(*), max(c) from bmt where b < 3",
            // BitmapOr: the union of the arms' bitmaps, with and without a term left to the filter
            "select a, b from bmt where a = 17 or b = 3 order by a",
            "select count(*), sum(b) from bmt where a < 40 or a > 9950 or b = 1",
            "select a from bmt where a = 5 or (b = 8 and c > 'x5') order by a");

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("bitmap-scans");
        try (Connection c = connect()) {
            run(c, "create table bmt (a int, b int, c text)",
                    "insert into bmt select g, g % 100, 'x' || g from generate_series(1, 10000) g",
                    "create index bmt_a on bmt (a)", "create index bmt_b on bmt (b)", "analyze bmt");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.url());
    }

    @Test
    void plannerChoosesABitmapScanAndExplainAnalyzeShowsItsPages() throws Exception {
        try (Connection c = connect()) {
            assertThat(rows(c, "explain (costs off) select * from bmt where b = 5")).containsExactly(
                    "Bitmap Heap Scan on bmt", "  Recheck Cond: (b = 5)", "  ->  Bitmap Index Scan on bmt_b",
                    "        Index Cond: (b = 5)");
            run(c, "set enable_indexscan = off");
            // rows the other test leaves alone: three neighbours, on one heap page or two
            List<String> analyzed = rows(c,
                    "explain (analyze, costs off, timing off, summary off) select * from bmt where a between 5001 and 5003");
            assertThat(analyzed).hasSize(5);
            assertThat(analyzed.get(0)).isEqualTo("Bitmap Heap Scan on bmt (actual rows=3 loops=1)");
            assertThat(analyzed.get(1)).isEqualTo("  Recheck Cond: ((a >= 5001) AND (a <= 5003))");
            assertThat(analyzed.get(2)).matches("  Heap Blocks: exact=[12]");
            assertThat(analyzed.get(3)).isEqualTo("  ->  Bitmap Index Scan on bmt_a (actual rows=3 loops=1)");
            // no page read, no Heap Blocks line
            assertThat(rows(c, "explain (analyze, costs off, timing off, summary off) select * from bmt where a < 0"))
                    .containsExactly("Bitmap Heap Scan on bmt (actual rows=0 loops=1)", "  Recheck Cond: (a < 0)",
                            "  ->  Bitmap Index Scan on bmt_a (actual rows=0 loops=1)", "        Index Cond: (a < 0)");
            run(c, "reset enable_indexscan", "set enable_bitmapscan = off");
            assertThat(rows(c, "explain (costs off) select * from bmt where b = 5").get(0)).doesNotContain("Bitmap");
            run(c, "reset enable_bitmapscan");
        }
    }

    @Test
    void orOfIndexedConditionsReadsABitmapOr() throws Exception {
        try (Connection c = connect()) {
            assertThat(rows(c, "explain (costs off) select * from bmt where a = 1 or (b = 2 and c > 'x5')"))
                    .containsExactly("Bitmap Heap Scan on bmt", "  Recheck Cond: ((a = 1) OR (b = 2))",
                            "  Filter: ((a = 1) OR ((b = 2) AND (c > 'x5'::text)))", "  ->  BitmapOr",
                            "        ->  Bitmap Index Scan on bmt_a", "              Index Cond: (a = 1)",
                            "        ->  Bitmap Index Scan on bmt_b", "              Index Cond: (b = 2)");
            run(c, "set enable_bitmapscan = off");
            assertThat(rows(c, "explain (costs off) select * from bmt where a = 1 or b = 2").get(0))
                    .isEqualTo("Seq Scan on bmt");
            run(c, "reset enable_bitmapscan");
        }
    }

    @Test
    void answersEqualThePlansWithoutBitmapScans() throws Exception {
        try (Connection c = connect()) {
            checkAll(c, "as loaded");
            run(c, "update bmt set a = a + 20000 where b = 5 and a < 500", "delete from bmt where b = 7 and a > 9000",
                    "update bmt set b = 5 where a = 6");
            checkAll(c, "after updates and deletes");
            run(c, "begin", "delete from bmt where b = 10");
            checkAll(c, "inside a transaction that deleted rows");
            run(c, "rollback");
            checkAll(c, "after rollback");
        }
    }

    private static void checkAll(Connection c, String when) throws SQLException {
        for (String q : QUERIES) {
            assertThat(String.join("\n", rows(c, "explain (costs off) " + q))).as(q).contains("Bitmap Heap Scan");
            List<String> viaBitmap = rows(c, q);
            run(c, "set enable_bitmapscan = off");
            try {
                assertThat(viaBitmap).as("%s: %s", when, q).isEqualTo(rows(c, q));
            } finally {
                run(c, "reset enable_bitmapscan");
            }
        }
    }
}
