package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lakepg.server.JdbcRows.one;
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
 * Index-only scans, min()/max() through an index and bitmap scans give the rows the sequential plans give: after
 * updates and deletes, with rolled back and uncommitted changes of another session, with NULLs and DESC keys.
 */
class IndexScansIT {
    private static TestServer server;

    /** What every query is checked with: answered through the indexes, then with index paths disabled. */
    private static final List<String> QUERIES = List.of(
            "select min(a), max(a) from ixt",
            "select max(a) from ixt where a < 42",
            "select min(a) from ixt where a > 990",
            "select max(a), min(a) from ixt where b = 33",
            "select max(d), min(d) from ixt",
            "select min(c), max(c) from ixt",
            "select min(a), max(a) from ixt where b is null",
            "select a from ixt where a = 77",
            "select b, a from ixt where b = 3 and a >= 500 order by a",
            "select count(a), sum(a) from ixt",
            "select a, c from ixt where a < 20 or a is null order by a",
            "select count(*) from ixt where b = 7 and a between 100 and 700",
            "select a from ixt where a > 995 order by a");

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("index-scans");
        try (Connection c = connect()) {
            run(c, "create table ixt (a int, b int, c text, d int)",
                    "insert into ixt select g, g % 100, 'v' || g, g % 7 from generate_series(1, 1000) g",
                    "insert into ixt values (null, 5, 'null a', 0), (null, null, null, null)",
                    "create index ixt_a on ixt (a)", "create index ixt_b_a on ixt (b, a)",
                    "create index ixt_c on ixt (c)", "create index ixt_d on ixt (d desc)", "vacuum analyze ixt");
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
    void plansUseTheIndexes() throws Exception {
        try (Connection c = connect()) {
            assertThat(String.join("\n", rows(c, "explain (costs off) select min(a), max(a) from ixt")))
                    .contains("InitPlan 1 (returns $0)", "Index Only Scan using ixt_a on ixt",
                            "Index Only Scan Backward using ixt_a on ixt ixt_1", "Index Cond: (a IS NOT NULL)");
            assertThat(String.join("\n", rows(c, "explain (costs off) select a from ixt where a = 77")))
                    .contains("Index Only Scan using ixt_a on ixt");
            run(c, "set enable_indexonlyscan = off");
            assertThat(String.join("\n", rows(c, "explain (costs off) select a from ixt where a = 77")))
                    .startsWith("Index Scan using ixt_a on ixt");
            run(c, "reset enable_indexonlyscan");
        }
    }

    @Test
    void answersEqualTheSequentialPlansAfterChanges() throws Exception {
        try (Connection c = connect(); Connection other = connect()) {
            checkAll(c, "as loaded");
            run(c, "update ixt set a = 5000 where a = 1000", "update ixt set a = -3, c = 'aaa' where a = 500",
                    "delete from ixt where a between 1 and 10", "update ixt set b = null where a = 33");
            checkAll(c, "after updates and deletes");
            run(c, "begin", "delete from ixt where a < 100", "update ixt set a = -50 where a = 600");
            checkAll(c, "inside a transaction that changed rows");
            run(c, "rollback");
            checkAll(c, "after rollback");
            assertThat(one(c, "select min(a)::text || ' ' || max(a) from ixt")).isEqualTo("-3 5000");
            // another session's uncommitted change is not seen through the index either
            run(other, "begin", "update ixt set a = -1000 where a = 700", "insert into ixt values (99999, 1, 'z', 1)");
            checkAll(c, "while another session has uncommitted changes");
            assertThat(one(c, "select min(a)::text || ' ' || max(a) from ixt")).isEqualTo("-3 5000");
            run(other, "commit");
            assertThat(one(c, "select min(a)::text || ' ' || max(a) from ixt")).isEqualTo("-1000 99999");
            checkAll(c, "after the other session committed");
            run(c, "delete from ixt where a is not null");
            checkAll(c, "with only NULLs left");
            assertThat(one(c, "select coalesce(min(a)::text, 'null') from ixt")).isEqualTo("null");
        }
    }

    /** Each query answers the same with the index paths as with sequential scans only. */
    private static void checkAll(Connection c, String when) throws SQLException {
        for (String q : QUERIES) {
            List<String> viaIndexes = rows(c, q);
            run(c, "set enable_indexscan = off", "set enable_indexonlyscan = off", "set enable_bitmapscan = off");
            try {
                assertThat(viaIndexes).as("%s: %s", when, q).isEqualTo(rows(c, q));
            } finally {
                run(c, "reset enable_indexscan", "reset enable_indexonlyscan", "reset enable_bitmapscan");
            }
        }
    }
}
