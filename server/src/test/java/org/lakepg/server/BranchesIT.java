package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lakepg.server.JdbcRows.one;
import static org.lakepg.server.JdbcRows.rows;
import static org.lakepg.server.JdbcRows.run;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.server.cli.ServerConfig;
import org.postgresql.util.PSQLException;

/** Branches and time travel through a real server and pgjdbc: each side sees only its own changes. */
class BranchesIT {
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

    private static Connection connect(String database, String options) throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + server.address().getPort() + "/" + database + "?user=postgres"
                + (options == null ? "" : "&options=" + options.replace(" ", "%20"));
        return DriverManager.getConnection(url);
    }

    @Test
    void branchSeesParentUpToBranchPointAndEachSideOnlyItsOwnChanges() throws SQLException {
        try (Connection main = connect("postgres", null)) {
            run(main, "create table br_acct (id int primary key, bal int)", "insert into br_acct values (1, 100), (2, 200)");
            String lsn = one(main, "select lakepg_create_branch('br_dev')");
            assertThat(lsn).matches("[0-9A-F]+/[0-9A-F]+");
            run(main, "update br_acct set bal = bal + 1 where id = 1");
            try (Connection dev = connect("postgres@br_dev", null)) {
                assertThat(rows(dev, "select * from br_acct order by id")).containsExactly("1|100", "2|200");
                run(dev, "insert into br_acct values (3, 300)", "delete from br_acct where id = 2");
                assertThat(rows(dev, "select * from br_acct order by id")).containsExactly("1|100", "3|300");
                assertThat(one(dev, "show lakepg.branch")).isEqualTo("br_dev");
                // a branch of the branch, by startup option
                run(dev, "select lakepg_create_branch('br_dev2')");
                run(dev, "update br_acct set bal = 0");
            }
            assertThat(rows(main, "select * from br_acct order by id")).containsExactly("1|101", "2|200");
            assertThat(rows(main, "select name, parent, branch_lsn::text = '" + lsn + "', logical_size > 0 "
                    + "from lakepg_branches() where name like 'br_%' order by created"))
                    .containsExactly("br_dev|main|t|t", "br_dev2|br_dev|f|t");
            // named arguments, as the issue writes them: a branch of main at the LSN before the update
            run(main, "select lakepg_create_branch('atlsn_br', from_branch => 'main', at_lsn => '" + lsn + "')");
            try (Connection at = connect("postgres@atlsn_br", null)) {
                assertThat(rows(at, "select * from br_acct order by id")).containsExactly("1|100", "2|200");
            }
            run(main, "select lakepg_drop_branch(name => 'atlsn_br')");
            try (Connection dev2 = connect("postgres", "-c lakepg.branch=br_dev2")) {
                assertThat(rows(dev2, "select * from br_acct order by id")).containsExactly("1|100", "3|300");
            }
            // reset: back to the parent's latest (the parent br_dev has bal = 0 everywhere)
            run(main, "select lakepg_reset_branch('br_dev2')");
            try (Connection dev2 = connect("postgres@br_dev2", null)) {
                assertThat(rows(dev2, "select * from br_acct order by id")).containsExactly("1|0", "3|0");
            }
            assertThatThrownBy(() -> run(main, "select lakepg_drop_branch('br_dev')"))
                    .isInstanceOf(PSQLException.class).hasMessageContaining("depends on it");
            run(main, "select lakepg_drop_branch('br_dev2')", "select lakepg_drop_branch('br_dev')");
            assertThatThrownBy(() -> connect("postgres@br_dev", null)).isInstanceOf(PSQLException.class)
                    .hasMessageContaining("branch \"br_dev\" of database \"postgres\" does not exist");
            assertThatThrownBy(() -> run(main, "select lakepg_create_branch('a@b')"))
                    .isInstanceOf(PSQLException.class).hasMessageContaining("invalid branch name");
        }
    }

    @Test
    void timeTravelReadsExactlyWhatWasCommittedAtTheLsnEvenAfterDropTable() throws SQLException {
        try (Connection main = connect("postgres", null)) {
            run(main, "create table tt_items (id int primary key, v text)", "insert into tt_items values (1, 'a'), (2, 'b')");
            String before = one(main, "select lakepg_create_branch('tt_mark')");
            run(main, "update tt_items set v = 'z' where id = 1", "delete from tt_items where id = 2",
                    "insert into tt_items values (3, 'c')", "vacuum tt_items");
            run(main, "set lakepg.read_lsn = '" + before + "'");
            assertThat(rows(main, "select * from tt_items order by id")).containsExactly("1|a", "2|b");
            assertThat(one(main, "show transaction_read_only")).isEqualTo("on");
            assertThatThrownBy(() -> run(main, "insert into tt_items values (9, 'x')"))
                    .isInstanceOf(PSQLException.class).hasMessage("ERROR: cannot execute INSERT in a read-only transaction")
                    .extracting(e -> ((PSQLException) e).getSQLState()).isEqualTo("25006");
            run(main, "reset lakepg.read_lsn");
            assertThat(rows(main, "select * from tt_items order by id")).containsExactly("1|z", "3|c");
            run(main, "drop table tt_items");
            run(main, "set lakepg.read_lsn = '" + before + "'");
            assertThat(rows(main, "select v from tt_items where id = 2")).containsExactly("b");
            run(main, "reset lakepg.read_lsn");
            assertThatThrownBy(() -> rows(main, "select * from tt_items")).isInstanceOf(PSQLException.class)
                    .hasMessageContaining("does not exist");
            run(main, "select lakepg_drop_branch('tt_mark')");
        }
    }

    @Test
    void diffListsSchemaAndRowDifferencesBetweenBranchesAndLsns() throws SQLException {
        try (Connection main = connect("postgres", null)) {
            run(main, "create table df_a (id int, v text)", "insert into df_a values (1, 'x'), (2, 'y'), (2, 'y')",
                    "create table df_same (id int)", "insert into df_same values (7)");
            String before = one(main, "select lakepg_create_branch('df_dev')");
            try (Connection dev = connect("postgres@df_dev", null)) {
                run(dev, "update df_a set v = 'z' where id = 1", "delete from df_a where id = 2",
                        "insert into df_a values (3, 'w')", "create table df_new (k int)", "create index df_a_id on df_a (id)");
            }
            assertThat(rows(main, "select * from lakepg_diff('main', 'df_dev') where table_name like 'df%'"))
                    .containsExactly("df_a|index df_a_id only in df_dev|null|null", "df_a|rows differ|3|2",
                            "df_new|table only in df_dev|null|null");
            run(main, "insert into df_same values (8)");
            assertThat(rows(main, "select difference, rows_only_in_a, rows_only_in_b from lakepg_diff('main@"
                    + before + "', 'main') where table_name = 'df_same'")).containsExactly("rows differ|0|1");
            assertThatThrownBy(() -> rows(main, "select * from lakepg_diff('main', 'nope')"))
                    .hasMessageContaining("branch \"nope\" does not exist");
            run(main, "select lakepg_drop_branch('df_dev')");
        }
    }

    @Test
    void timeTravelByTimeSeesTheLastCommitBeforeIt() throws Exception {
        try (Connection main = connect("postgres", null)) {
            run(main, "create table tt_time (id int)", "insert into tt_time values (1)");
            Thread.sleep(20);
            String mark = one(main, "select clock_timestamp()");
            Thread.sleep(20);
            run(main, "insert into tt_time values (2)");
            run(main, "set lakepg.read_time = '" + mark + "'");
            assertThat(rows(main, "select id from tt_time order by id")).containsExactly("1");
            run(main, "reset lakepg.read_time");
            assertThat(rows(main, "select id from tt_time order by id")).containsExactly("1", "2");
            run(main, "set lakepg.read_time = '2001-01-01 00:00:00+00'");
            assertThatThrownBy(() -> rows(main, "select 1")).hasMessageContaining("older than the retention window");
            run(main, "reset lakepg.read_time", "drop table tt_time");
        }
    }

    @Test
    void readOnlyTransactionsRefuseWritesAsPostgresDoes() throws SQLException {
        try (Connection c = connect("postgres", null)) {
            run(c, "create table ro_t (a int)", "set default_transaction_read_only = on");
            for (String[] sqlAndName : new String[][] {{"insert into ro_t values (1)", "INSERT"},
                    {"update ro_t set a = 1", "UPDATE"}, {"delete from ro_t", "DELETE"},
{"create table ro_x (a int)", "CREATE TABLE"},
                    {"drop table ro_t", "DROP TABLE"}, {"truncate ro_t", "TRUNCATE TABLE"},
                    {"create index on ro_t (a)", "CREATE INDEX"}, {"alter table ro_t add column b int", "ALTER TABLE"}}) {
                assertThatThrownBy(() -> run(c, sqlAndName[0])).as(sqlAndName[0])
                        .hasMessage("ERROR: cannot execute " + sqlAndName[1] + " in a read-only transaction");
            }
            assertThat(rows(c, "select count(*) from ro_t")).containsExactly("0");
            run(c, "vacuum ro_t", "set default_transaction_read_only = off", "insert into ro_t values (1)", "drop table ro_t");
        }
    }

    @Test
    void badReadPointsGiveClearErrorsAndCanBeReset() throws SQLException {
        try (Connection c = connect("postgres", null)) {
            assertThatThrownBy(() -> run(c, "set lakepg.read_lsn = 'nonsense'"))
                    .hasMessageContaining("invalid value for parameter \"lakepg.read_lsn\": \"nonsense\"");
            run(c, "set lakepg.read_lsn = 'FFFF/0'");
            assertThatThrownBy(() -> rows(c, "select 1")).hasMessageContaining("is in the future");
            run(c, "reset lakepg.read_lsn");
            assertThat(rows(c, "select 1")).containsExactly("1");
            run(c, "begin");
            assertThatThrownBy(() -> run(c, "set lakepg.read_lsn = '0/1'", "select 1"))
                    .hasMessageContaining("take effect at the start of a transaction");
            run(c, "rollback");
            assertThat(rows(c, "show lakepg.read_lsn")).containsExactly("");
        }
    }
}
