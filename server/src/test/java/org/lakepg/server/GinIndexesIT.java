package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lakepg.server.JdbcRows.one;
import static org.lakepg.server.JdbcRows.rows;
import static org.lakepg.server.JdbcRows.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lakepg.server.cli.ServerConfig;
import org.lakepg.storage.local.FileUtil;

/**
 * GIN indexes (jsonb_ops, jsonb_path_ops, array_ops, tsvector_ops, on a column and on an expression) answer every query through a
 * Bitmap Index Scan exactly as the sequential plan does: as loaded, after inserts, updates, deletes and VACUUM, inside
 * a transaction and after its rollback, while another session has uncommitted changes, and after a restart of the
 * server on the same data (the index pages come back from the WAL).
 */
class GinIndexesIT {

    /** Each query with the index it must be answered through when sequential scans are off. */
    private static final List<String[]> QUERIES = List.of(
            q("select id from gj where j @> '{\"k\": 3}' order by id", "gj_ops"),
            q("select id from gj where j @> '{\"tags\": [\"x3\"]}' order by id", "gj_ops"),
            q("select count(*) from gj where j @> '{}'", "gj_ops"),
            q("select id from gj where j ? 'wait' and j @> '{\"k\": 1}' order by id", "gj_ops"),
            q("select id from gj where j ?| array['foo', 'lonely'] order by id", "gj_ops"),
            q("select count(*) from gj where j ?& array['k', 'tags']", "gj_ops"),
            q("select count(*) from gj where j @@ '$.wait == null'", "gj_ops"),
            q("select count(*) from gj where j @? '$.tags[*] ? (@ == \"y\")'", "gj_ops"),
            q("select id from gj where j -> 'tags' @> '[\"x5\"]' and id < 100 order by id", "gj_tags"),
            q("select id from gp where j @> '{\"k\": 3, \"tags\": [\"y\"]}' order by id", "gp_path"),
            q("select count(*) from gp where j @> '{\"n\": 1.50}'", "gp_path"),
            q("select count(*) from gp where j @@ '$.k == 4'", "gp_path"),
            q("select id from ga where a @> '{3}' order by id", "ga_a"),
            q("select id from ga where a && '{3, 5}' order by id", "ga_a"),
            q("select id from ga where a <@ '{1, 2, 3}' order by id", "ga_a"),
            q("select id from ga where '{7}' <@ a order by id", "ga_a"),
            q("select id from ga where a = '{}' order by id", "ga_a"),
            q("select id from ga where a = '{4, 4}' order by id", "ga_a"),
            q("select count(*) from ga where a @> array[1, 11]", "ga_a"),
            q("select id from ga where t && array['s1', 'none'] order by id", "ga_t"),
            q("select count(*) from gt where v @@ 'word3 | word4'", "gt_v"),
            q("select id from gt where 'word7 & thing'::tsquery @@ v order by id", "gt_v"));

    private static String[] q(String sql, String index) {
        return new String[] {sql, index};
    }

    private static final List<String> SETUP = List.of(
            "create table gj (id int, j jsonb)",
            "insert into gj select g, jsonb_build_object('k', g % 10, 'tags', jsonb_build_array('x' || (g % 7), 'y'),"
                    + " 'wait', case when g % 50 = 0 then null else 'no' end) from generate_series(1, 1500) g",
            "insert into gj values (5000, '{}'), (5001, null), (5002, '[1, 2, \"foo\"]'), (5003, '\"lonely\"'),"
                    + " (5004, '{\"k\": [1, 3]}')",
            "create index gj_ops on gj using gin (j)",
            "create index gj_tags on gj using gin ((j -> 'tags'))",
            "create table gp (id int, j jsonb)",
            "insert into gp select id, j || jsonb_build_object('n', (id % 4) * 0.5) from gj",
            "create index gp_path on gp using gin (j jsonb_path_ops)",
            "create table ga (id int, a int[], t text[])",
            "insert into ga select g, array[g % 10, g % 13], array['s' || (g % 5)] from generate_series(1, 1500) g",
            "insert into ga values (5000, '{}', '{}'), (5001, null, null), (5002, '{NULL, 5}', '{NULL}'), (5003, '{4,4}', '{}')",
            "create index ga_a on ga using gin (a)",
            "create index ga_t on ga using gin (t)",
            "create table gt (id int, v tsvector)",
            "insert into gt select g, to_tsvector('english', 'word' || (g % 20) || ' other thing ' || g)"
                    + " from generate_series(1, 500) g",
            "create index gt_v on gt using gin (v)",
            "vacuum analyze gj", "vacuum analyze gp", "vacuum analyze ga", "vacuum analyze gt");

    private static LakepgServer start(Path data) throws Exception {
        return LakepgServer.start(ServerConfig.parse(List.of("--port", "0", "--data", data.toString()), Map.of()));
    }

    private static Connection connect(LakepgServer server) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.address().getPort()
                + "/postgres?user=postgres");
    }

    @Test
    void answersEqualTheSequentialPlansThroughChangesAndARestart() throws Exception {
        Path data = Files.createTempDirectory("lakepg-gin");
        try {
            try (LakepgServer server = start(data)) {
                try (Connection c = connect(server); Connection other = connect(server)) {
                    run(c, SETUP.toArray(String[]::new));
                    checkAll(c, "as loaded");
                    run(c, "insert into gj values (6000, '{\"k\": 3, \"tags\": [\"x3\", \"x5\"], \"lonely\": 1}')",
                            "update gj set j = j || '{\"k\": 3}' where id between 10 and 30",
                            "update gj set id = id + 10000 where id between 40 and 45",
                            "delete from gj where id % 9 = 0",
                            "insert into gp select id, j from gj where id = 6000",
                            "update gp set j = '{\"k\": 4}' where id < 20",
                            "update ga set a = a || 7 where id % 11 = 0",
                            "update ga set a = '{}' where id between 100 and 105",
                            "delete from ga where a @> '{3}' and id > 1000",
                            "update gt set v = to_tsvector('english', 'word3 alone') where id % 17 = 0");
                    checkAll(c, "after inserts, updates and deletes");
                    run(c, "vacuum gj", "vacuum gp", "vacuum ga");
                    checkAll(c, "after vacuum");
                    run(c, "begin", "delete from gj where j @> '{\"k\": 3}'", "update ga set a = '{3}' where id < 50",
                            "insert into gp values (7000, '{\"k\": 3, \"tags\": [\"y\"]}')");
                    checkAll(c, "inside a transaction that changed rows");
                    run(c, "rollback");
                    checkAll(c, "after rollback");
                    run(other, "begin", "delete from gj where id < 500", "insert into ga values (8000, '{3, 7}', '{s1}')");
                    checkAll(c, "while another session has uncommitted changes");
                    run(other, "commit");
                    checkAll(c, "after the other session committed");
                }
            }
            // a new server on the same data reads the index pages the WAL wrote
            try (LakepgServer server = start(data); Connection c = connect(server)) {
                checkAll(c, "after a restart");
                run(c, "insert into ga values (9000, '{3, 13}', '{s1}')", "delete from gj where j ? 'lonely'");
                checkAll(c, "after changes following the restart");
                assertThat(one(c, "select count(*) from ga where a @> '{13}'")).isEqualTo("1");
            }
        } finally {
            FileUtil.deleteRecursively(data);
        }
    }

    @Test
    void catalogAndErrorsAreThoseOfPostgresql() throws Exception {
        Path data = Files.createTempDirectory("lakepg-gin-catalog");
        try (LakepgServer server = start(data); Connection c = connect(server)) {
            run(c, "create table gc (i int, j jsonb, a text[])", "create index gc_j on gc using gin (j jsonb_path_ops)",
                    "create index on gc using gin (a, j)");
            assertThat(rows(c, "select indexdef from pg_indexes where tablename = 'gc' order by indexname")).containsExactly(
                    "CREATE INDEX gc_a_j_idx ON public.gc USING gin (a, j)",
                    "CREATE INDEX gc_j ON public.gc USING gin (j jsonb_path_ops)");
            assertThat(rows(c, "select amname from pg_class c join pg_am a on a.oid = c.relam where relname = 'gc_j'"))
                    .containsExactly("gin");
            // array_ops and jsonb_ops, no flags
            assertThat(one(c, "select indclass::text || '|' || indoption::text from pg_index"
                    + " where indexrelid = 'gc_a_j_idx'::regclass")).isEqualTo("10064 10090|0 0");
            assertThatThrownBy(() -> run(c, "create index on gc using gin (i)")).hasMessageContaining(
                    "data type integer has no default operator class for access method \"gin\"");
            assertThatThrownBy(() -> run(c, "create index on gc using gin (j foo_ops)")).hasMessageContaining(
                    "operator class \"foo_ops\" does not exist for access method \"gin\"");
            assertThatThrownBy(() -> run(c, "create index on gc using gin (a jsonb_path_ops)")).hasMessageContaining(
                    "operator class \"jsonb_path_ops\" does not accept data type text[]");
            assertThatThrownBy(() -> run(c, "create unique index on gc using gin (j)")).hasMessageContaining(
                    "access method \"gin\" does not support unique indexes");
        } finally {
            FileUtil.deleteRecursively(data);
        }
    }

    /** Each query uses its GIN index when sequential scans are off, and answers as the sequential plan does. */
    private static void checkAll(Connection c, String when) throws SQLException {
        for (String[] query : QUERIES) {
            run(c, "set enable_seqscan = off");
            List<String> viaIndex;
            try {
                assertThat(String.join("\n", rows(c, "explain (costs off) " + query[0])))
                        .as("%s: %s", when, query[0]).contains("Bitmap Index Scan on " + query[1]);
                viaIndex = rows(c, query[0]);
            } finally {
                run(c, "reset enable_seqscan");
            }
            run(c, "set enable_bitmapscan = off");
            try {
                assertThat(viaIndex).as("%s: %s", when, query[0]).isEqualTo(rows(c, query[0]));
            } finally {
                run(c, "reset enable_bitmapscan");
            }
        }
    }
}
