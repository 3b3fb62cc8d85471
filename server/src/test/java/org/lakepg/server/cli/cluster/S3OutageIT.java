package org.lakepg.server.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * The S3 server stops for 10 s while a client writes and another reads: commits only need the safekeepers, so no
 * error reaches either client; the pageserver's uploads retry, and once S3 is back it holds everything again. No
 * data lost: a pageserver rebuilt from S3 + the safekeepers on an empty disk and a compute on an empty data
 * directory read back exactly the acknowledged rows.
 */
@Tag("slow-cluster")
class S3OutageIT {

    @TempDir
    Path dir;

    @Test
    @Timeout(480) // a bound, not a measurement: at load ~40 starting the cluster alone took 2.5 minutes
    void writesGoOnWhileS3IsDownAndS3CatchesUpAfterwards() throws Exception {
        try (ClusterFixture fixture = ClusterFixture.start(dir, c -> c.withExtraArguments(ServiceKind.PAGESERVER,
                List.of("--checkpoint-interval-s", "2", "--upload-interval-ms", "500")))) {
            try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
                s.execute("create table log(id int primary key, note text)");
            }
            // its own threads: the common pool has one thread on a 2-core host, so the reader would wait for the writer
            ExecutorService clients = Executors.newFixedThreadPool(2);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger acknowledged = new AtomicInteger();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
                    while (!stop.get()) {
                        int id = acknowledged.get() + 1;
                        s.execute("insert into log values (" + id + ", repeat('s3 outage ', 20))");
                        acknowledged.set(id);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("a write failed while S3 was away: " + e.getMessage(), e);
                }
            }, clients);
            AtomicInteger reads = new AtomicInteger();
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
                try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
                    while (!stop.get()) {
                        int floor = acknowledged.get();
                        long seen = ComputeFailoverIT.longValue(s, "select count(*) from log");
                        if (seen < floor) {
                            throw new IllegalStateException(seen + " rows visible after " + floor + " were acknowledged");
                        }
                        reads.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("a read failed while S3 was away: " + e.getMessage(), e);
                }
            }, clients);
            Thread.sleep(3000);
            TimelineId postgres = fixture.timeline("postgres");
            fixture.cluster.kill(LocalCluster.S3);
            int beforeOutage = acknowledged.get();
            int readsBefore = reads.get();
            Thread.sleep(10_000);
            int duringOutage = acknowledged.get() - beforeOutage;
            int readsDuring = reads.get() - readsBefore;
            Lsn inS3DuringOutage = fixture.pageserverStatus(postgres).remoteConsistentLsn();
            fixture.cluster.startService(LocalCluster.S3);
            Thread.sleep(3000);
            stop.set(true);
            writer.get(60, TimeUnit.SECONDS);
            reader.get(60, TimeUnit.SECONDS);
            clients.shutdown();
            System.out.printf("%d commits before, %d during the 10 s S3 outage, %d in all; %d reads during it; "
                    + "S3 held the timeline up to %s at the outage's end%n", beforeOutage, duringOutage,
                    acknowledged.get(), readsDuring, inS3DuringOutage);
            assertThat(duringOutage).as("commits while S3 was down").isPositive();
            assertThat(readsDuring).as("reads while S3 was down").isPositive();

            try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
                assertThat(ComputeFailoverIT.longValue(s, "select count(*) from log")).isEqualTo(acknowledged.get());
            }
            Lsn written = fixture.safekeeperEnds(postgres).stream().max(Lsn::compareTo).orElseThrow();
            long deadline = System.nanoTime() + 60_000_000_000L;
            PageserverClient.TimelineStatus status = fixture.pageserverStatus(postgres);
            while (status.remoteConsistentLsn().compareTo(written) < 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
                status = fixture.pageserverStatus(postgres);
            }
            assertThat(status.remoteConsistentLsn()).as("S3 holds the timeline up to").isGreaterThanOrEqualTo(written);

            // nothing was lost on the way to S3: both caches emptied, everything comes back from S3 + safekeepers
            fixture.cluster.kill(LocalCluster.PAGESERVER);
            FileUtil.deleteRecursively(fixture.cluster.dataDir(LocalCluster.PAGESERVER));
            fixture.cluster.startService(LocalCluster.PAGESERVER);
            fixture.cluster.kill(LocalCluster.COMPUTE);
            FileUtil.deleteRecursively(fixture.cluster.dataDir(LocalCluster.COMPUTE));
            fixture.cluster.startService(LocalCluster.COMPUTE);
            int n = acknowledged.get();
            try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
                assertThat(ComputeFailoverIT.longValue(s, "select count(*) from log")).isEqualTo(n);
                assertThat(ComputeFailoverIT.longValue(s, "select sum(id) from log")).isEqualTo((long) n * (n + 1) / 2);
                assertThat(ComputeFailoverIT.longValue(s,
                        "select count(*) from log where note = repeat('s3 outage ', 20)")).isEqualTo(n);
            }
        }
    }
}
