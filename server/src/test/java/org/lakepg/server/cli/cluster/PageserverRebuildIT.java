package org.lakepg.server.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.cloud.cluster.LocalCluster;
import org.lakepg.storage.cloud.cluster.ServiceKind;
import org.lakepg.storage.cloud.rpc.PageserverClient;
import org.lakepg.storage.local.FileUtil;

/**
 * The pageserver's disk is only a cache: killed with -9 and its disk deleted after S3 got its layers (and the
 * safekeepers trimmed the WAL below them), it is rebuilt from S3 + the safekeepers' remaining WAL, and a compute
 * started on an empty data directory reads every row from it.
 */
@Tag("slow-cluster")
class PageserverRebuildIT {

    @TempDir
    Path dir;

    @Test
    @Timeout(360)
    void pageserverWithAnEmptyDiskRebuildsFromS3AndTheSafekeepers() throws Exception {
        try (ClusterFixture fixture = ClusterFixture.start(dir, c -> c.withExtraArguments(ServiceKind.PAGESERVER,
                List.of("--checkpoint-interval-s", "2", "--upload-interval-ms", "500")))) {
            LocalCluster cluster = fixture.cluster;
            try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
                s.execute("create table big(id int primary key, payload text)");
                s.execute("insert into big select g, repeat('x', 100) || g from generate_series(1, 20000) g");
            }
            TimelineId postgres = fixture.timeline("postgres");
            Lsn written = fixture.safekeeperEnds(postgres).stream().max(Lsn::compareTo).orElseThrow();
            long deadline = System.nanoTime() + 60_000_000_000L;
            PageserverClient.TimelineStatus status = fixture.pageserverStatus(postgres);
            while (status.remoteConsistentLsn().compareTo(written) < 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
                status = fixture.pageserverStatus(postgres);
            }
            assertThat(status.remoteConsistentLsn()).as("S3 holds the timeline up to").isGreaterThanOrEqualTo(written);

            try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
                cluster.kill(LocalCluster.PAGESERVER);
                FileUtil.deleteRecursively(cluster.dataDir(LocalCluster.PAGESERVER));
                // a session that runs on pages in the compute's cache writes on with the pageserver away: WAL
                // needs only the safekeepers (a new session needs the pageserver for the list of databases)
                s.execute("update big set payload = 'changed' where id <= 100");
                s.execute("insert into big select g, 'late' from generate_series(20001, 20500) g");
            }
            cluster.startService(LocalCluster.PAGESERVER);

            cluster.kill(LocalCluster.COMPUTE);
            FileUtil.deleteRecursively(cluster.dataDir(LocalCluster.COMPUTE));
            cluster.startService(LocalCluster.COMPUTE);
            try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
                assertThat(ComputeFailoverIT.longValue(s, "select count(*) from big")).isEqualTo(20500);
                assertThat(ComputeFailoverIT.longValue(s, "select sum(id) from big")).isEqualTo(20500L * 20501 / 2);
                assertThat(ComputeFailoverIT.longValue(s, "select count(*) from big where payload = 'changed'")).isEqualTo(100);
                assertThat(ComputeFailoverIT.longValue(s, "select count(*) from big where payload = 'late'")).isEqualTo(500);
                assertThat(ComputeFailoverIT.longValue(s,
                        "select count(*) from big where id between 101 and 20000 and payload = repeat('x', 100) || id"))
                        .isEqualTo(19900);
            }
        }
    }
}
