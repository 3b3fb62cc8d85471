package org.lakepg.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.server.LakepgServer;
import org.lakepg.server.cli.ServerConfig;

/**
 * Analytic queries through pgjdbc against a running lakepg give the same rows with lakepg.analytics on (columnar
 * engine over snapshots + fresh pages) and off (row engine), for random tables after random DML, while the background
 * refresher materializes in between, at time-travel LSNs too.
 */
class AnalyticsRoutingIT {
    private static LakepgServer server;

    @BeforeAll
    static void start(@TempDir Path data) throws Exception {
        server = LakepgServer.start(ServerConfig.parse(List.of("--port", "0", "--data", data.toString()), Map.of()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Connection connect() throws SQLException {
        return connect("postgres");
    }

    /** {@code database}: "postgres@BRANCH" connects to a branch. */
    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.address().getPort()
                + "/" + database + "?user=postgres");
    }

    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    static void run(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    static final String[] QUERIES = {
        "select g, count(*), count(n), sum(i), sum(n), avg(i), min(t), max(d), min(ts) from an_t group by g order by g",
        "select count(*), sum(i), avg(n), max(f) from an_t where i > 100 and t <> 'x3'",
        "select t, sum(i * 2), count(*) from an_t where n is not null group by t order by t",
        "select d, count(*) from an_t where d >= date '2024-01-10' group by d order by d",
        "select i, t, n from an_t where b order by i desc, t, n limit 7",
        "select g, max(i) - min(i), sum(f) from an_t where ts < timestamp '2024-03-01 12:00' group by g order by 1",
        "select count(*) from an_t where t is null or i is null",
        "select sum(big), min(big), max(big), avg(big) from an_t",
        "select d.label, count(*), sum(t.i), max(t.t) from an_t t join an_dim d on d.g = t.g where t.i > 0 "
            + "group by d.label order by d.label",
        "select d.g, count(t.id), min(t.d) from an_dim d left join an_t t on t.g = d.g group by d.g order by d.g",
    };

    private static void fill(Connection c, Random rnd, int rows, int idBase) throws SQLException {
        StringBuilder sql = new StringBuilder("insert into an_t values ");
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "" : ",").append('(').append(idBase + r).append(',')
                    .append(rnd.nextInt(8)).append(',')
                    .append(rnd.nextInt(10) == 0 ? "null" : String.valueOf(rnd.nextInt(1000) - 100)).append(',')
                    .append(rnd.nextInt(10) == 0 ? "null" : "'x" + rnd.nextInt(12) + "'").append(',')
                    .append(rnd.nextInt(8) == 0 ? "null" : (rnd.nextInt(100000) - 50000) / 100.0).append(',')
                    .append("date '2024-01-01' + ").append(rnd.nextInt(40)).append(',')
                    .append("timestamp '2024-01-01' + interval '").append(rnd.nextInt(100000)).append(" minutes',")
                    .append(rnd.nextBoolean()).append(',')
                    .append(rnd.nextInt(5) == 0 ? "null" : String.valueOf(rnd.nextDouble() * 100)).append(',')
                    .append(rnd.nextLong() / 4).append(',')
                    .append(rnd.nextInt(6) == 0 ? "null" : "'c" + rnd.nextInt(9) + "'").append(')');
        }
        run(c, sql.toString());
    }

    private static void randomDml(Connection c, Random rnd, int nextId) throws SQLException {
        switch (rnd.nextInt(4)) {
            case 0 -> fill(c, rnd, 1 + rnd.nextInt(50), nextId);
            case 1 -> run(c, "update an_t set i = i + 1, t = 'x" + rnd.nextInt(12) + "' where id % 17 = "
                    + rnd.nextInt(17));
            case 2 -> run(c, "delete from an_t where id % 23 = " + rnd.nextInt(23));
            default -> run(c, "update an_t set n = null where g = " + rnd.nextInt(8));
        }
    }

    private static void assertSameOnBothEngines(Connection c) throws SQLException {
        AnalyticsService analytics = server.cluster().analytics();
        for (String q : QUERIES) {
            run(c, "set lakepg.analytics = off");
            List<String> rowEngine = rows(c, q);
            assertThat(String.join("\n", rows(c, "explain " + q))).as(q).doesNotContain("Columnar");
            run(c, "set lakepg.analytics = on");
            assertThat(String.join("\n", rows(c, "explain " + q))).as(q).contains("Columnar Scan on an_t");
            long before = analytics.columnarRuns();
            assertThat(rows(c, q)).as(q).containsExactlyElementsOf(rowEngine);
            assertThat(analytics.columnarRuns()).as("ran on the columnar engine: " + q).isEqualTo(before + 1);
        }
        assertThat(analytics.rowFallbacks()).isZero();
    }

    private static void awaitMaterialized(Connection c, String table) throws Exception {
        for (int i = 0; i < 100; i++) {
            List<String> status = rows(c, "select lag_pages, materialized_lsn is not null from lakepg_analytics_status()"
                    + " where table_name = '" + table + "'");
            if (status.equals(List.of("0|t"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not materialized: " + rows(c, "select * from lakepg_analytics_status()"));
    }

    @Test
    void columnarAndRowEngineAgreeAfterRandomDml() throws Exception {
        Random rnd = new Random(42);
        try (Connection c = connect()) {
            run(c, "drop table if exists an_t", "create table an_t (id int, g int, i int, t text, n numeric(10,2), "
                    + "d date, ts timestamp, b bool, f float8, big int8, c char(5))",
                    "drop table if exists an_dim", "create table an_dim (g int8, label text)",
                    "insert into an_dim select g, 'label ' || (g % 4) from generate_series(0, 9) g");
            fill(c, rnd, 3000, 0);
            int nextId = 3000;
            assertSameOnBothEngines(c); // no snapshot yet: every page decoded fresh
            List<String> lsns = new ArrayList<>();
            for (int round = 0; round < 6; round++) {
                for (int k = 0; k < 3; k++) {
                    randomDml(c, rnd, nextId);
                    nextId += 60;
                    lsns.add(rows(c, "select pg_current_wal_lsn()").get(0));
                }
                if (round % 2 == 0) {
                    Thread.sleep(1500); // let the background refresher materialize some of it
                }
                assertSameOnBothEngines(c);
            }
            // random LSNs of the history (between snapshots or before any): both engines read the table as it was
            for (int k = 0; k < 2; k++) {
                run(c, "set lakepg.read_lsn = '" + lsns.get(rnd.nextInt(lsns.size())) + "'");
                assertSameOnBothEngines(c);
            }
            run(c, "reset lakepg.read_lsn");
            // inside a transaction: own uncommitted changes are seen by both engines
            c.setAutoCommit(false);
            randomDml(c, rnd, nextId);
            run(c, "update an_t set i = -5 where id < 100");
            assertSameOnBothEngines(c);
            c.rollback();
            c.setAutoCommit(true);
            assertSameOnBothEngines(c);

            // the refresher catches up (lag 0), then new changes are read fresh on top of the snapshot
            awaitMaterialized(c, "an_t");
            run(c, "set lakepg.analytics = on");
            assertThat(String.join("\n", rows(c, "explain " + QUERIES[0]))).contains("snapshot LSN", " 0 fresh pages");
            String lsn = rows(c, "select pg_current_wal_lsn()").get(0);
            run(c, "set lakepg.analytics = off");
            List<String> then = new ArrayList<>();
            for (String q : QUERIES) {
                then.add(String.join("\n", rows(c, q)));
            }
            randomDml(c, rnd, nextId + 100);
            run(c, "update an_t set i = i * 2 where g = 3");
            assertSameOnBothEngines(c);

            // time travel: at the LSN both engines see exactly what was committed then
            run(c, "set lakepg.read_lsn = '" + lsn + "'");
            assertSameOnBothEngines(c);
            for (int q = 0; q < QUERIES.length; q++) {
                assertThat(String.join("\n", rows(c, QUERIES[q]))).isEqualTo(then.get(q));
            }
            run(c, "reset lakepg.read_lsn");
        }
    }

    /**
     * A commit changes no heap page: rows a transaction wrote while the snapshot was materialized, committed after,
     * sit on pages that did not change since the snapshot. They must still be seen (those pages are re-read).
     */
    @Test
    void rowsOfTransactionsRunningDuringMaterializationAreSeenOnceCommitted() throws Exception {
        try (Connection a = connect(); Connection b = connect()) {
            run(b, "drop table if exists an_tx", "create table an_tx (k int, v int)",
                    "insert into an_tx select g % 5, g from generate_series(1, 3000) g");
            a.setAutoCommit(false);
            run(a, "insert into an_tx select 7, g from generate_series(1, 500) g", "delete from an_tx where k = 1");
            rows(b, "select * from lakepg_export_snapshot('an_tx')"); // materialized while a is running
            String q = "select k, count(*), sum(v) from an_tx group by k order by k";
            run(b, "set lakepg.analytics = on");
            List<String> before = rows(b, q);
            assertThat(before).contains("1|600|899100").noneMatch(r -> r.startsWith("7|"));
            a.commit();
            assertThat(String.join("\n", rows(b, "explain " + q))).contains("Columnar Scan on an_tx", " 0 fresh pages");
            List<String> after = rows(b, q);
            run(b, "set lakepg.analytics = off");
            assertThat(after).isEqualTo(rows(b, q)).contains("7|500|125250").noneMatch(r -> r.startsWith("1|"));
        }
    }

    /**
     * A branch is its own timeline: after changes on both sides, each side's columnar answers (fresh, then over a
     * snapshot exported on that side) equal its row engine's, and neither sees the other's changes.
     */
    @Test
    void queriesOnABranchAgreeOnBothEnginesAndSeeOnlyTheBranch() throws Exception {
        String q = "select k, count(*), sum(v), min(d) from an_br where v > 10 group by k order by k";
        try (Connection main = connect()) {
            run(main, "drop table if exists an_br", "create table an_br (k int, v int, d date)",
                    "insert into an_br select g % 6, g, date '2024-01-01' + g % 90 from generate_series(1, 4000) g");
            rows(main, "select lsn from lakepg_export_snapshot('an_br')");
            List<String> atBranchPoint = sameOnBothEngines(main, q);
            run(main, "select lakepg_create_branch('an_br_dev')");
            run(main, "update an_br set v = v + 1000 where k = 1", "delete from an_br where k = 2");
            List<String> mainAfter = sameOnBothEngines(main, q);
            try (Connection dev = connect("postgres@an_br_dev")) {
                assertThat(sameOnBothEngines(dev, q)).isEqualTo(atBranchPoint);
                run(dev, "insert into an_br select 9, g, date '2025-01-01' from generate_series(1, 300) g",
                        "update an_br set v = 0 where k = 3");
                List<String> devAfter = sameOnBothEngines(dev, q);
                assertThat(devAfter).anyMatch(r -> r.startsWith("9|")).noneMatch(r -> r.startsWith("3|"));
                rows(dev, "select lsn from lakepg_export_snapshot('an_br')");
                run(dev, "set lakepg.analytics = on");
                assertThat(String.join("\n", rows(dev, "explain " + q))).contains(" 0 fresh pages");
                assertThat(sameOnBothEngines(dev, q)).isEqualTo(devAfter);
            }
            assertThat(sameOnBothEngines(main, q)).isEqualTo(mainAfter).noneMatch(r -> r.startsWith("9|"));
            run(main, "select lakepg_drop_branch('an_br_dev')");
        }
    }

    /** The rows of {@code q} on the row engine, after checking that the columnar engine gives the same. */
    private static List<String> sameOnBothEngines(Connection c, String q) throws SQLException {
        run(c, "set lakepg.analytics = off");
        List<String> rowEngine = rows(c, q);
        run(c, "set lakepg.analytics = on");
        assertThat(String.join("\n", rows(c, "explain " + q))).as(q).contains("Columnar Scan");
        assertThat(rows(c, q)).as(q).containsExactlyElementsOf(rowEngine);
        run(c, "reset lakepg.analytics");
        return rowEngine;
    }

    /**
     * A GROUP BY with about as many groups as rows (int8 keys, seen once or twice in batches far apart, NULL
     * keys; also above a filter and under an outer aggregate) gives the row engine's answer, over an exported
     * snapshot (several files: both threads aggregate and their groups are merged) and with fresh pages after DML.
     */
    @Test
    void manyGroupsAgreeWithTheRowEngine() throws Exception {
        try (Connection c = connect()) {
            run(c, "drop table if exists an_many", "create table an_many (k int8, v int4, p numeric(12,2))",
                    "insert into an_many select case when g % 997 = 0 then null else (g::int8 * 7919) % 50000 * 1000003 end,"
                            + " g % 1000, (g % 5000) * 1.25 from generate_series(1, 75000) g");
            run(c, "select lakepg_export_snapshot('an_many')");
            String[] queries = {
                "select k, count(*), sum(v), sum(p), avg(p), min(v) from an_many group by k order by k",
                "select k, count(*), sum(p) from an_many where v < 300 group by k order by k",
                "select count(*), sum(c), sum(s) from (select k, count(*) c, sum(p) s from an_many group by k) x",
            };
            for (String q : queries) {
                assertThat(sameOnBothEngines(c, q)).as(q).hasSizeGreaterThan(0);
            }
            assertThat(sameOnBothEngines(c, queries[0])).hasSizeGreaterThan(49_000); // ~50k keys and NULL
            run(c, "update an_many set v = v + 1 where k % 13 = 0", "insert into an_many values (5, 1, 1.5), (null, 2, 2)");
            for (String q : queries) {
                sameOnBothEngines(c, q);
            }
        }
    }

    @Test
    void autoRoutesOnlyScanHeavyQueriesOverBigTables() throws Exception {
        try (Connection c = connect()) {
            run(c, "drop table if exists an_auto", "create table an_auto (k int, v int)",
                    "insert into an_auto select g % 10, g from generate_series(1, 20000) g",
                    "create index an_auto_k on an_auto (k)");
            run(c, "set lakepg.analytics_min_pages = 10");
            assertThat(String.join("\n", rows(c, "explain select k, sum(v) from an_auto group by k")))
                    .contains("Columnar Scan on an_auto");
            assertThat(String.join("\n", rows(c, "explain select * from an_auto where v = 5"))).doesNotContain("Columnar");
            run(c, "set lakepg.analytics_min_pages = 100000");
            assertThat(String.join("\n", rows(c, "explain select k, sum(v) from an_auto group by k")))
                    .doesNotContain("Columnar");
            run(c, "set lakepg.analytics = on");
            assertThat(String.join("\n", rows(c, "explain select k, sum(v) from an_auto group by k")))
                    .contains("Columnar Scan on an_auto");
            run(c, "reset lakepg.analytics", "reset lakepg.analytics_min_pages");
        }
    }

    @Test
    void exportedSnapshotIsReadByDuckDbWithTheSameRows() throws Exception {
        try (Connection c = connect()) {
            run(c, "drop table if exists an_export", "create table an_export (id int, name text, amount numeric(12,2), "
                    + "day date, at timestamptz, ok bool)");
            run(c, "insert into an_export select g, case when g % 7 = 0 then null else 'n' || g end, g * 1.25, "
                    + "date '2020-02-01' + g % 300, timestamptz '2024-01-01 00:00+00' + g * interval '1 hour', g % 2 = 0 "
                    + "from generate_series(1, 5000) g");
            List<String> exported = rows(c, "select location, lsn from lakepg_export_snapshot('an_export')");
            assertThat(exported).hasSize(1);
            String location = exported.get(0).split("\\|")[0];
            run(c, "delete from an_export where id > 4000", "update an_export set amount = 0 where id < 10");
            List<String> second = rows(c, "select location from lakepg_export_snapshot('an_export')");
            assertThat(second).containsExactly(location);
            String expected = String.join("\n", rows(c, "select count(*), count(name), sum(amount), min(day), max(id) "
                    + "from an_export"));
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
                String files = latestFiles(location);
                List<String> got = rows(duck, "select count(*), count(name), sum(amount), min(day), max(id) "
                        + "from read_parquet([" + files + "])");
                assertThat(String.join("\n", got)).isEqualTo(expected);
            }
            assertThat(rows(c, "select table_name from lakepg_analytics_status()")).contains("an_export");
        }
    }

    /** The data files the newest manifest names, as a DuckDB list literal. */
    private static String latestFiles(String location) throws Exception {
        Path root = Path.of(location);
        Path manifests = root.resolve("_lakepg");
        Path newest;
        try (var list = Files.list(manifests)) {
            newest = list.filter(p -> p.getFileName().toString().startsWith("manifest-")).sorted()
                    .reduce((a, b) -> b).orElseThrow();
        }
        String json = Files.readString(newest);
        List<String> files = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data/pages-[^\"]+\\.parquet").matcher(json);
        while (m.find()) {
            files.add("'" + root.resolve(m.group()) + "'");
        }
        return String.join(",", files);
    }
}
