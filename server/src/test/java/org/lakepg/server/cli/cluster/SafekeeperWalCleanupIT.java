package org.lakepg.server.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.cloud.cluster.LocalCluster;
import org.lakepg.storage.cloud.cluster.ServiceKind;
import org.lakepg.storage.cloud.rpc.PageserverClient;

/**
 * The safekeepers keep only the WAL S3 does not hold yet: under pgbench their disk usage stays bounded while the
 * WAL written grows, because the pageserver trims what it uploaded. And a dropped branch or database takes its
 * WAL off every safekeeper.
 */
@Tag("slow-cluster")
class SafekeeperWalCleanupIT {

    /** Small segments, so trimming (whole segments only) shows on a small workload. */
    private static final long SEGMENT_BYTES = 1 << 20;

    @TempDir
    Path dir;

    @Test
    @Timeout(420)
    void walInS3IsTrimmedAndDroppedTimelinesLeaveTheSafekeepers() throws Exception {
        try (ClusterFixture fixture = ClusterFixture.start(dir, c -> c
                .withExtraArguments(ServiceKind.PAGESERVER, List.of("--checkpoint-interval-s", "2", "--upload-interval-ms", "500"))
                .withExtraArguments(ServiceKind.SAFEKEEPER, List.of("--wal-segment-size", Long.toString(SEGMENT_BYTES))))) {
            fixture.pgbench(Duration.ofSeconds(120), "-i", "-s", "1", "-q");
            TimelineId postgres = fixture.timeline("postgres");
            List<Long> onDisk = new ArrayList<>();
            onDisk.add(awaitTrimmed(fixture, postgres));
            fixture.pgbench(Duration.ofSeconds(90), "-c", "2", "-T", "10");
            onDisk.add(awaitTrimmed(fixture, postgres));
            fixture.pgbench(Duration.ofSeconds(120), "-i", "-s", "1", "-q"); // drops and loads the tables again
            onDisk.add(awaitTrimmed(fixture, postgres));

            // a root timeline's WAL starts at LSN 0
            long written = fixture.safekeeperEnds(postgres).stream().max(Lsn::compareTo).orElseThrow().value();
            System.out.printf("WAL written %d bytes; largest safekeeper WAL directory after each phase: %s%n", written, onDisk);
            assertThat(written).as("WAL written").isGreaterThan(20 * SEGMENT_BYTES);
            // what S3 does not hold yet (less than a segment once it caught up), the open segment, one spare
            assertThat(onDisk).allSatisfy(bytes -> assertThat(bytes).isLessThanOrEqualTo(4 * SEGMENT_BYTES));

            // ---- dropping a branch, then a database, removes their WAL from every safekeeper ----
            try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
                s.execute("select lakepg_create_branch('dev')");
                s.execute("create database scratch");
            }
            TimelineId dev = childOf(fixture, postgres);
            TimelineId scratch = fixture.timeline("scratch");
            for (String database : List.of("postgres@dev", "scratch")) {
                try (Connection c = connect(fixture, database); Statement s = c.createStatement()) {
                    s.execute("create table t(id int)");
                    s.execute("insert into t select generate_series(1, 1000)");
                }
            }
            for (int n = 1; n <= 3; n++) {
                assertThat(fixture.safekeeperTimelineDir(n, dev)).as("safekeeper %d has the branch", n).isDirectory();
                assertThat(fixture.safekeeperTimelineDir(n, scratch)).as("safekeeper %d has the database", n).isDirectory();
            }
            try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
                s.execute("select lakepg_drop_branch('dev')");
                s.execute("drop database scratch");
            }
            for (int n = 1; n <= 3; n++) {
                assertThat(fixture.safekeeperTimelineDir(n, dev)).as("safekeeper %d after the branch was dropped", n)
                        .doesNotExist();
                assertThat(fixture.safekeeperTimelineDir(n, scratch)).as("safekeeper %d after the database was dropped", n)
                        .doesNotExist();
            }
            try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
                s.execute("insert into pgbench_history values (1, 1, 1, 1, now(), 'after the drops')");
                assertThat(ComputeFailoverIT.longValue(s, "select count(*) from pgbench_accounts")).isEqualTo(100_000);
            }
        }
    }

    /**
     * Waits until S3 holds the timeline up to the safekeepers' end and every member trimmed below it; returns the
     * largest member's WAL directory then.
     */
    private static long awaitTrimmed(ClusterFixture fixture, TimelineId timeline) throws Exception {
        Lsn end = fixture.safekeeperEnds(timeline).stream().max(Lsn::compareTo).orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long largest = Long.MAX_VALUE;
        while (System.nanoTime() < deadline) {
            PageserverClient.TimelineStatus status = fixture.pageserverStatus(timeline);
            largest = 0;
            for (int n = 1; n <= 3; n++) {
                largest = Math.max(largest, bytesUnder(fixture.safekeeperTimelineDir(n, timeline)));
            }
            if (!status.remoteConsistentLsn().isBefore(end) && largest <= 4 * SEGMENT_BYTES) {
                return largest;
            }
            Thread.sleep(1000);
        }
        return largest;
    }

    private static Connection connect(ClusterFixture fixture, String database) throws SQLException {
        return DriverManager.getConnection(fixture.url(LocalCluster.COMPUTE).replace("/postgres?", "/" + database + "?"));
    }

    private static TimelineId childOf(ClusterFixture fixture, TimelineId parent) {
        try (PageserverClient ps = PageserverClient.connect(fixture.cluster.pageserverAddress())) {
            return ps.list().stream().filter(t -> parent.equals(t.parent())).map(Timeline::id).findFirst().orElseThrow();
        }
    }

    private static long bytesUnder(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // removed while we looked: trimmed
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return Long.MAX_VALUE - 1; // a segment removed while walking: look again
        }
    }
}
