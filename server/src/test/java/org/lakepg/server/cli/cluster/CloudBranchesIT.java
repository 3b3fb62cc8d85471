package org.lakepg.server.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lakepg.server.JdbcRows.rows;
import static org.lakepg.server.JdbcRows.run;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.cloud.cluster.ServiceKind;
import org.lakepg.storage.cloud.rpc.PageserverClient;
import org.lakepg.storage.cloud.s3.S3ObjectStore;
import org.lakepg.storage.cloud.s3.S3ProxyServer;
import org.lakepg.storage.cloud.s3.S3Settings;
import org.lakepg.storage.cloud.cluster.LocalCluster;
import org.lakepg.storage.local.FileUtil;

/**
 * Branches and time travel on the cloud store: a branch is a new timeline on the safekeepers (its WAL starts at
 * the branch LSN) attached to the pageserver, which serves the parent's pages below that LSN; a time-travel read
 * asks the pageserver for pages at an old LSN. Both survive the compute being replaced by one with an empty disk.
 */
class CloudBranchesIT {

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void branchesAndTimeTravelWorkThroughThePageserver() throws Exception {
        try (ClusterFixture fixture = ClusterFixture.start(dir)) {
            String before;
            try (Connection main = fixture.connect()) {
                run(main, "create table acct (id int primary key, bal int)", "insert into acct values (1, 100), (2, 200)");
                before = rows(main, "select lakepg_create_branch('dev')").get(0);
                run(main, "update acct set bal = bal + 1 where id = 1", "delete from acct where id = 2");
                try (Connection dev = connect(fixture, "postgres@dev")) {
                    assertThat(rows(dev, "select * from acct order by id")).containsExactly("1|100", "2|200");
                    run(dev, "insert into acct values (3, 300)");
                    assertThat(rows(dev, "select * from acct order by id")).containsExactly("1|100", "2|200", "3|300");
                }
                assertThat(rows(main, "select * from acct order by id")).containsExactly("1|101");
                run(main, "set lakepg.read_lsn = '" + before + "'");
                assertThat(rows(main, "select * from acct order by id")).containsExactly("1|100", "2|200");
                run(main, "reset lakepg.read_lsn");
            }

            // a new compute with nothing on disk finds the branch and the history through the pageserver
            fixture.cluster.kill(LocalCluster.COMPUTE);
            FileUtil.deleteRecursively(fixture.cluster.dataDir(LocalCluster.COMPUTE));
            fixture.cluster.startService(LocalCluster.COMPUTE);
            try (Connection dev = connect(fixture, "postgres@dev")) {
                assertThat(rows(dev, "select * from acct order by id")).containsExactly("1|100", "2|200", "3|300");
                run(dev, "update acct set bal = 0 where id = 3");
                assertThat(rows(dev, "select bal from acct where id = 3")).containsExactly("0");
            }
            try (Connection main = fixture.connect()) {
                assertThat(rows(main, "select * from acct order by id")).containsExactly("1|101");
                run(main, "set lakepg.read_lsn = '" + before + "'");
                assertThat(rows(main, "select * from acct order by id")).containsExactly("1|100", "2|200");
                run(main, "reset lakepg.read_lsn");
                assertThat(rows(main, "select name, parent from lakepg_branches() where name = 'dev'"))
                        .containsExactly("dev|main");
                run(main, "select lakepg_drop_branch('dev')");
                assertThat(rows(main, "select count(*) from lakepg_branches() where name = 'dev'")).containsExactly("0");
            }
        }
    }

    /**
     * Dropping a branch frees its space: its layers leave S3 at once, and once the pageserver's GC ran, so does the
     * parent's history that only the branch still needed (its branch point kept the old page versions alive).
     */
    @Test
    @Timeout(400)
    void droppingABranchFreesItsSpaceInS3AfterGc() throws Exception {
        // no retention window: GC may remove every page version below the latest that no branch reads
        try (ClusterFixture fixture = ClusterFixture.start(dir, c -> c.withExtraArguments(ServiceKind.COMPUTE,
                List.of("-c", "lakepg.retention=0")));
             S3ObjectStore s3 = new S3ObjectStore(S3Settings.of(fixture.cluster.s3Endpoint(), LocalCluster.BUCKET,
                     S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY))) {
            TimelineId main = fixture.timeline("postgres");
            TimelineId dev;
            try (Connection c = fixture.connect()) {
                run(c, "create table big (id int primary key, pad text)",
                        "insert into big select g, repeat('x', 300) from generate_series(1, 20000) g");
                run(c, "select lakepg_create_branch('dev')");
                dev = fixture.timeline("postgres@dev");
                try (Connection d = connect(fixture, "postgres@dev")) {
                    run(d, "insert into big select g, repeat('d', 300) from generate_series(20001, 30000) g");
                    awaitIngested(fixture, dev, rows(d, "select pg_current_wal_lsn()").get(0));
                }
                // main rewrites every row: its old versions are needed only by dev's branch point now
                // (vacuum's WAL is shipped with the next commit: the marker table's)
                run(c, "update big set pad = repeat('y', 300)", "vacuum big", "create table shipped (x int)");
                awaitIngested(fixture, main, rows(c, "select pg_current_wal_lsn()").get(0));
            }
            try (PageserverClient ps = PageserverClient.connect(fixture.cluster.pageserverAddress())) {
                ps.collectGarbage();
                long[] devBefore = objectsAndBytes(s3, dev);
                long[] mainBefore = objectsAndBytes(s3, main);
                assertThat(devBefore[0]).as("dev has layers in S3").isGreaterThan(1);
                try (Connection c = fixture.connect()) {
                    run(c, "select lakepg_drop_branch('dev')");
                }
                assertThat(objectsAndBytes(s3, dev)).as("objects and bytes under dev's prefix").containsExactly(0, 0);
                int removed = ps.collectGarbage();
                long[] mainAfter = objectsAndBytes(s3, main);
                System.out.printf("S3 under dev: %d objects, %d bytes before the drop, none after; under main: %d objects,"
                        + " %d bytes before, %d objects, %d bytes after GC (%d layers removed)%n", devBefore[0],
                        devBefore[1], mainBefore[0], mainBefore[1], mainAfter[0], mainAfter[1], removed);
                assertThat(removed).as("layers GC removed once no branch needed them").isPositive();
                assertThat(mainAfter[1]).as("bytes under main's prefix").isLessThan(mainBefore[1]);
            }
            // what GC kept is enough: a compute with an empty disk reads every row through the pageserver
            fixture.cluster.kill(LocalCluster.COMPUTE);
            FileUtil.deleteRecursively(fixture.cluster.dataDir(LocalCluster.COMPUTE));
            fixture.cluster.startService(LocalCluster.COMPUTE);
            try (Connection c = fixture.connect()) {
                assertThat(rows(c, "select count(*), min(pad) = max(pad), min(pad) from big"))
                        .containsExactly("20000|t|" + "y".repeat(300));
            }
        }
    }

    /** Objects and bytes in S3 under a timeline's prefix (the pageserver's RemoteLayout: manifests and layers). */
    private static long[] objectsAndBytes(S3ObjectStore s3, TimelineId timeline) {
        long objects = 0;
        long bytes = 0;
        for (String key : s3.list("pageserver/timelines/" + timeline + "/")) {
            objects++;
            bytes += s3.get(key).map(b -> b.length).orElse(0);
        }
        return new long[] {objects, bytes};
    }

    private static void awaitIngested(ClusterFixture fixture, TimelineId timeline, String lsn) throws InterruptedException {
        Lsn target = Lsn.parse(lsn);
        for (int i = 0; i < 600 && fixture.pageserverStatus(timeline).ingestedLsn().isBefore(target); i++) {
            Thread.sleep(100);
        }
        assertThat(fixture.pageserverStatus(timeline).ingestedLsn().isBefore(target)).as("ingested " + lsn).isFalse();
    }

    private static Connection connect(ClusterFixture fixture, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + fixture.cluster.port(LocalCluster.COMPUTE)
                + "/" + database + "?user=postgres");
    }
}
