package org.lakepg.server.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lakepg.server.JdbcRows.one;
import static org.lakepg.server.JdbcRows.rows;
import static org.lakepg.server.JdbcRows.run;

import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.server.proxy.ProcessComputeLauncher;
import org.lakepg.server.proxy.ProxyServer;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.cloud.cluster.Launcher;
import org.lakepg.storage.cloud.cluster.LocalCluster;
import org.lakepg.storage.local.FileUtil;
import org.postgresql.util.PSQLException;

/**
 * Read replicas in cluster mode: a separate compute process ({@code lakepg start --storage cloud --replica}) that
 * follows a timeline's committed WAL on the safekeepers and reads pages from the pageserver at its replay LSN. It
 * never takes the timeline, so the primary is never fenced, and killing it changes nothing for the primary.
 */
class CloudReadReplicaIT {

    @TempDir
    Path dir;

    @Test
    @Timeout(400)
    void aReplicaProcessFollowsThePrimaryWithoutFencingIt() throws Exception {
        try (ClusterFixture fixture = ClusterFixture.start(dir)) {
            try (Connection primary = fixture.connect()) {
                run(primary, "create table rr (id int primary key, v text)", "insert into rr values (1, 'one')");
                TimelineId main = fixture.timeline("postgres");
                long generation = fixture.generation(main);
                assertThat(generation).isPositive();
                fixture.cluster.startService(LocalCluster.REPLICA);
                try (Connection replica = fixture.connect(LocalCluster.REPLICA)) {
                    String commit = one(primary, "select pg_current_wal_lsn()");
                    assertThat(awaitValue(replica, "select count(*) from rr", "1")).isEqualTo("1");
                    assertThat(one(replica, "select pg_last_wal_replay_lsn() >= '" + commit + "'::pg_lsn")).isEqualTo("t");
                    assertThat(one(replica, "select pg_is_in_recovery()")).isEqualTo("t");
                    assertThat(one(replica, "show transaction_read_only")).isEqualTo("on");
                    assertThat(one(primary, "select pg_is_in_recovery()")).isEqualTo("f");

                    assertSqlState(() -> run(replica, "insert into rr values (2, 'two')"), "25006",
                            "cannot execute INSERT in a read-only transaction");
                    assertSqlState(() -> run(replica, "create table rr_x (id int)"), "25006", "read-only transaction");
                    assertSqlState(() -> one(replica, "select lakepg_create_branch('from_replica')"), "25006",
                            "cannot create a branch on a read replica");
                    assertSqlState(() -> one(replica, "select pg_current_wal_lsn()"), "55000", "recovery is in progress");
                    assertThat(one(replica, "select 1")).isEqualTo("1"); // the session survives its errors

                    // the primary keeps committing while the replica reads, and each commit reaches the replica
                    List<Long> lagsMillis = new ArrayList<>();
                    for (int i = 2; i <= 6; i++) {
                        run(primary, "insert into rr values (" + i + ", 'v" + i + "')");
                        String lsn = one(primary, "select pg_current_wal_lsn()");
                        long start = System.nanoTime();
                        assertThat(awaitValue(replica, "select count(*) from rr", Integer.toString(i)))
                                .isEqualTo(Integer.toString(i));
                        lagsMillis.add((System.nanoTime() - start) / 1_000_000);
                        assertThat(one(replica, "select pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn")).isEqualTo("t");
                    }
                    System.out.println("replica lag after a commit (ms, default replay interval 200 ms): " + lagsMillis);
                    run(primary, "update rr set v = 'uno' where id = 1", "delete from rr where id = 6");
                    assertThat(awaitValue(replica, "select string_agg(v, ',' order by id) from rr", "uno,v2,v3,v4,v5"))
                            .isEqualTo("uno,v2,v3,v4,v5");
                    assertThat(fixture.generation(main)).as("the replica took no generation").isEqualTo(generation);

                    // a replica of a branch follows that branch only
                    one(primary, "select lakepg_create_branch('dev')");
                    try (Connection dev = connect(fixture.cluster.port(LocalCluster.COMPUTE), "postgres@dev", null);
                         Connection devReplica = connect(fixture.cluster.port(LocalCluster.REPLICA), "postgres@dev", null)) {
                        run(dev, "insert into rr values (50, 'dev')");
                        run(primary, "insert into rr values (60, 'main')");
                        assertThat(awaitValue(devReplica, "select string_agg(id::text, ',' order by id) from rr", "1,2,3,4,5,50"))
                                .isEqualTo("1,2,3,4,5,50");
                        assertThat(awaitValue(replica, "select string_agg(id::text, ',' order by id) from rr", "1,2,3,4,5,60"))
                                .isEqualTo("1,2,3,4,5,60");
                    }
                }

                // kill -9 the replica: the primary notices nothing
                fixture.cluster.kill(LocalCluster.REPLICA);
                run(primary, "insert into rr values (100, 'after the replica died')");
                assertThat(rows(primary, "select count(*) from rr")).containsExactly("7");
                assertThat(fixture.generation(main)).isEqualTo(generation);

                // a replica started again with an empty disk catches up from storage alone
                FileUtil.deleteRecursively(fixture.cluster.dataDir(LocalCluster.REPLICA));
                fixture.cluster.startService(LocalCluster.REPLICA);
                try (Connection replica = fixture.connect(LocalCluster.REPLICA)) {
                    assertThat(awaitValue(replica, "select count(*) from rr", "7")).isEqualTo("7");
                }
                run(primary, "insert into rr values (101, 'still the primary')");
                assertThat(fixture.generation(main)).isEqualTo(generation);
            }
        }
    }

    @Test
    @Timeout(400)
    void aReplicaEndpointBehindTheProxyGetsAReplicaComputeOfItsOwnThatSuspendsAndWakes() throws Exception {
        try (ClusterFixture fixture = ClusterFixture.start(dir.resolve("cluster"))) {
            fixture.cluster.stop(LocalCluster.COMPUTE, Duration.ofSeconds(10)); // the proxy's computes replace it
            var launcher = new ProcessComputeLauncher(Launcher.ofJar(ClusterFixture.JAR).command(List.of(), List.of()),
                    fixture.cluster.computeStorageArguments(),
                    dir.resolve("logs"), false, true, dir.resolve("endpoints"));
            launcher.prepareSpare();
            ProxyServer proxy = ProxyServer.start(InetAddress.getLoopbackAddress(), 0, launcher, Duration.ofSeconds(2));
            int port = proxy.address().getPort();
            try (Connection primary = connect(port, "postgres", null)) {
                run(primary, "create table pr (id int)", "insert into pr values (1)");
                long generation = fixture.generation(fixture.timeline("postgres"));
                try (Connection replica = connectReplica(port)) {
                    assertThat(awaitValue(replica, "select count(*) from pr", "1")).isEqualTo("1");
                    assertThat(proxy.computeRunning("postgres#replica")).isTrue();
                    assertThat(one(replica, "select inet_server_port()")).isNotEqualTo(one(primary, "select inet_server_port()"));
                    assertThat(one(replica, "select pg_is_in_recovery()")).isEqualTo("t");
                    run(primary, "insert into pr values (2)");
                    assertThat(awaitValue(replica, "select count(*) from pr", "2")).isEqualTo("2");
                    assertSqlState(() -> run(replica, "insert into pr values (3)"), "25006", "read-only transaction");
                }
                run(primary, "insert into pr values (3)"); // not fenced by the replica's compute
                assertThat(fixture.generation(fixture.timeline("postgres"))).isEqualTo(generation);
                // the idle replica endpoint is suspended on its own; a pgjdbc client connecting again wakes it
                for (int i = 0; i < 600 && proxy.computeRunning("postgres#replica"); i++) {
                    Thread.sleep(100);
                }
                assertThat(proxy.computeRunning("postgres#replica")).isFalse();
                assertThat(proxy.computeRunning("postgres")).isTrue(); // its primary has a session
                try (Connection replica = connectReplica(port)) {
                    assertThat(awaitValue(replica, "select count(*) from pr", "3")).isEqualTo("3");
                }
                assertThat(fixture.generation(fixture.timeline("postgres"))).isEqualTo(generation);
            } finally {
                proxy.close();
            }
        }
    }

    private static Connection connect(int port, String database, String options) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database
                + "?user=postgres&connectTimeout=60" + (options == null ? "" : "&options=" + options.replace(" ", "%20")));
    }

    /**
     * A replica session through the proxy. On a host overloaded by parallel builds the safekeepers may not answer the
     * woken replica's first status request in time; it then refuses the session saying so, and a client tries again.
     */
    private static Connection connectReplica(int port) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return connect(port, "postgres", "-c lakepg.replica=on");
            } catch (PSQLException e) {
                if (attempt == 3 || e.getMessage() == null || !e.getMessage().contains("answered")) {
                    throw e;
                }
                System.out.println("replica session refused, trying again: " + e.getMessage());
            }
        }
    }

    private interface Sql {
        void run() throws SQLException;
    }

    private static void assertSqlState(Sql sql, String state, String message) {
        assertThatThrownBy(sql::run).isInstanceOf(PSQLException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((PSQLException) e).getSQLState()).isEqualTo(state));
    }

    /** Polls the replica until {@code sql} returns {@code expected}; gives up after 30 s (the lag bound is 200 ms). */
    private static String awaitValue(Connection replica, String sql, String expected) throws Exception {
        String seen = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
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
            Thread.sleep(20);
        }
        return seen;
    }
}
