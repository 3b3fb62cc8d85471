package org.lakepg.server.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.cloud.cluster.LocalCluster;
import org.lakepg.storage.cloud.wal.WalProtocol;

/**
 * Safekeepers dying under load. One of three: pgbench runs on without a failed transaction and the restarted member
 * catches up. Two of three: commits wait (nothing is acknowledged without a quorum) while reads go on; one back and
 * the waiting commits complete, with nothing acknowledged lost.
 */
@Tag("slow-cluster")
class SafekeeperFaultIT {

    @TempDir
    Path dir;

    /** How the cluster's WAL reaches the safekeepers (a subclass runs this test with the proposer protocol). */
    WalProtocol walProtocol() {
        return WalProtocol.RAFT;
    }

    @Test
    @Timeout(360)
    void oneThenTwoSafekeepersDie() throws Exception {
        try (ClusterFixture fixture = ClusterFixture.start(dir, walProtocol())) {
            LocalCluster cluster = fixture.cluster;
            fixture.pgbench(Duration.ofSeconds(90), "-i", "-s", "1", "-q");

            // ---- one of three dies during a pgbench run ----
            CompletableFuture<String> bench = CompletableFuture.supplyAsync(() -> {
                try {
                    return fixture.pgbench(Duration.ofSeconds(60), "-c", "4", "-T", "12");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(4000);
            cluster.kill(LocalCluster.safekeeper(2));
            String out = bench.get(90, TimeUnit.SECONDS);
            System.out.println(out);
            assertThat(out).contains("number of failed transactions: 0 (0.000%)");
            assertThat(processed(out)).isPositive();

            TimelineId postgres = fixture.timeline("postgres");
            cluster.startService(LocalCluster.safekeeper(2));
            awaitAllEqual(fixture, postgres, Duration.ofSeconds(60));

            // ---- two of three die: commits wait, reads go on ----
            try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
                s.execute("create table q(id int primary key)");
                s.execute("insert into q values (1)");
            }
            cluster.kill(LocalCluster.safekeeper(1));
            cluster.kill(LocalCluster.safekeeper(3));
            Connection writer = fixture.connect();
            CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
                try (Statement s = writer.createStatement()) {
                    s.execute("insert into q values (2)");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Connection reader = fixture.connect(); Statement s = reader.createStatement()) {
                long accounts = ComputeFailoverIT.longValue(s, "select count(*) from pgbench_accounts");
                assertThat(accounts).isEqualTo(100_000);
                assertThat(ComputeFailoverIT.longValue(s, "select count(*) from q")).isEqualTo(1);
            }
            Thread.sleep(3000);
            assertThat(blocked).as("a commit without a quorum of safekeepers").isNotDone();

            cluster.startService(LocalCluster.safekeeper(1));
            blocked.get(60, TimeUnit.SECONDS);
            writer.close();
            try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
                assertThat(ComputeFailoverIT.longValue(s, "select count(*) from q")).isEqualTo(2);
            }
            cluster.startService(LocalCluster.safekeeper(3));
            awaitAllEqual(fixture, postgres, Duration.ofSeconds(60));
        }
    }

    private static long processed(String pgbenchOutput) {
        Matcher m = Pattern.compile("number of transactions actually processed: (\\d+)").matcher(pgbenchOutput);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Waits until every safekeeper has applied the timeline's WAL to the same end. */
    private static void awaitAllEqual(ClusterFixture fixture, TimelineId timeline, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Lsn> ends = List.of();
        while (System.nanoTime() < deadline) {
            ends = fixture.safekeeperEnds(timeline);
            if (ends.stream().allMatch(Lsn::isValid) && ends.stream().distinct().count() == 1) {
                System.out.println("safekeepers agree on the end of the WAL: " + ends);
                return;
            }
            Thread.sleep(500);
        }
        throw new TimeoutException("safekeepers did not catch up within " + timeout + ": " + ends);
    }
}
