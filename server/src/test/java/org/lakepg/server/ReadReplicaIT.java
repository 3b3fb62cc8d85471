package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lakepg.server.JdbcRows.one;
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

/** Read replicas through a real server and pgjdbc: they follow the primary's commits, consistently, and refuse writes. */
class ReadReplicaIT {
    private static final String REPLICA = "-c lakepg.replica=on";
    private static LakepgServer server;

    @BeforeAll
    static void start(@TempDir Path data) throws Exception {
        server = LakepgServer.start(ServerConfig.parse(List.of("--port", "0", "--data", data.toString(),
                "-c", "lakepg.replica_replay_interval=50ms"), Map.of()));
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

    /** Polls the replica until {@code sql} returns {@code expected}; gives up after 10 s (the lag bound is 50 ms). */
    private static String awaitValue(Connection replica, String sql, String expected) throws Exception {
        String seen = null;
        for (int i = 0; i < 1000; i++) {
            try {
                seen = one(replica, sql);
            } catch (PSQLException e) {
                if (!"42P01".equals(e.getSQLState())) { // the table may not exist yet at the replay LSN
                    throw e;
                }
            }
            if (expected.equals(seen)) {
                return seen;
            }
            Thread.sleep(10);
        }
        return seen;
    }

    @Test
    void replicaSeesCommitsWithinItsLagAndReportsItsReplayLsn() throws Exception {
        try (Connection primary = connect("postgres", null); Connection replica = connect("postgres", REPLICA)) {
            run(primary, "create table rr_t (id int primary key, v text)");
            run(primary, "insert into rr_t values (1, 'one')");
            String commitLsn = one(primary, "select pg_current_wal_lsn()");
            assertThat(awaitValue(replica, "select count(*) from rr_t", "1")).isEqualTo("1");
            assertThat(one(replica, "select pg_last_wal_replay_lsn() >= '" + commitLsn + "'::pg_lsn")).isEqualTo("t");
            assertThat(one(replica, "select pg_is_in_recovery()")).isEqualTo("t");
            assertThat(one(primary, "select pg_is_in_recovery()")).isEqualTo("f");
            assertThat(one(primary, "select pg_last_wal_replay_lsn() is null")).isEqualTo("t");

            run(primary, "update rr_t set v = 'uno' where id = 1", "insert into rr_t values (2, 'two')");
            assertThat(awaitValue(replica, "select string_agg(v, ',') from (select v from rr_t order by id) o", "uno,two"))
                    .isEqualTo("uno,two");
            run(primary, "delete from rr_t where id = 1", "vacuum rr_t");
            assertThat(awaitValue(replica, "select string_agg(v, ',') from (select v from rr_t order by id) o", "two")).isEqualTo("two");
        }
    }

    @Test
    void replicaRefusesWritesAsAStandbyDoes() throws Exception {
        try (Connection primary = connect("postgres", null); Connection replica = connect("postgres", REPLICA)) {
            run(primary, "create table rr_w (id int)");
            awaitValue(replica, "select count(*) from pg_class where relname = 'rr_w'", "1");
            assertThatThrownBy(() -> run(replica, "insert into rr_w values (1)"))
                    .isInstanceOf(PSQLException.class).hasMessageContaining("cannot execute INSERT in a read-only transaction")
                    .satisfies(e -> assertThat(((PSQLException) e).getSQLState()).isEqualTo("25006"));
            assertThatThrownBy(() -> run(replica, "create table rr_x (id int)"))
                    .satisfies(e -> assertThat(((PSQLException) e).getSQLState()).isEqualTo("25006"));
            assertThatThrownBy(() -> one(replica, "select pg_current_wal_lsn()"))
                    .hasMessageContaining("recovery is in progress")
                    .satisfies(e -> assertThat(((PSQLException) e).getSQLState()).isEqualTo("55000"));
            assertThatThrownBy(() -> run(replica, "set transaction_read_only = off"))
                    .hasMessageContaining("cannot set transaction read-write mode during recovery")
                    .satisfies(e -> assertThat(((PSQLException) e).getSQLState()).isEqualTo("0A000"));
            assertThatThrownBy(() -> run(replica, "begin read write"))
                    .hasMessageContaining("cannot set transaction read-write mode during recovery")
                    .satisfies(e -> assertThat(((PSQLException) e).getSQLState()).isEqualTo("0A000"));
            run(replica, "rollback");
            run(replica, "set default_transaction_read_only = off"); // allowed on a standby too; changes nothing
            run(replica, "set transaction_read_only = on");
            assertThat(one(replica, "show transaction_read_only")).isEqualTo("on");
            assertThat(one(replica, "show in_hot_standby")).isEqualTo("on");
            assertThat(one(replica, "select 1")).isEqualTo("1"); // the session survives its errors
        }
    }

    @Test
    void aReplicaTransactionKeepsItsSnapshotWhileTheReplicaMovesOn() throws Exception {
        try (Connection primary = connect("postgres", null); Connection replica = connect("postgres", REPLICA)) {
            run(primary, "create table rr_s (id int)", "insert into rr_s values (1)");
            awaitValue(replica, "select count(*) from rr_s", "1");
            replica.setAutoCommit(false);
            assertThat(one(replica, "select count(*) from rr_s")).isEqualTo("1");
            run(primary, "insert into rr_s select g from generate_series(2, 500) g");
            Thread.sleep(200); // several replay intervals: the replica itself moves on
            assertThat(one(replica, "select count(*) from rr_s")).isEqualTo("1");
            assertThat(one(replica, "select count(*), sum(id) from rr_s")).isEqualTo("1|1");
            replica.commit();
            replica.setAutoCommit(true);
            assertThat(awaitValue(replica, "select count(*) from rr_s", "500")).isEqualTo("500");
        }
    }

    @Test
    void aReplicaOfABranchFollowsThatBranchOnly() throws Exception {
        try (Connection main = connect("postgres", null)) {
            run(main, "create table rr_b (id int)", "insert into rr_b values (1)");
            run(main, "select lakepg_create_branch('rr_dev')");
            try (Connection dev = connect("postgres@rr_dev", null);
                 Connection devReplica = connect("postgres@rr_dev", REPLICA)) {
                run(dev, "insert into rr_b values (2)");
                run(main, "insert into rr_b values (3)");
                assertThat(awaitValue(devReplica, "select string_agg(id::text, ',') from (select id from rr_b order by id) o", "1,2"))
                        .isEqualTo("1,2");
                assertThat(one(devReplica, "show lakepg.branch")).isEqualTo("rr_dev");
            }
        }
    }

    @Test
    void aBadReplicaOptionIsRefusedAtConnect() {
        assertThatThrownBy(() -> connect("postgres", "-c lakepg.replica=maybe").close())
                .isInstanceOf(PSQLException.class)
                .hasMessageContaining("parameter \"lakepg.replica\" requires a Boolean value");
    }
}
