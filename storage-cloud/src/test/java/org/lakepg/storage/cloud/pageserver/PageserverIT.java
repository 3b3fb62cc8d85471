package org.lakepg.storage.cloud.pageserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.cloud.s3.S3ObjectStore;
import org.lakepg.storage.cloud.s3.S3ProxyServer;
import org.lakepg.storage.local.LocalStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pageserver in-process (no RPC): ingestion from a real local WAL, layers in a real S3Proxy, rebuild from S3. */
class PageserverIT {

    @TempDir
    Path dir;

    private S3ProxyServer s3;
    private S3ObjectStore remote;
    private LocalStorage source;

    @BeforeEach
    void start() {
        s3 = S3ProxyServer.start(0, dir.resolve("s3"));
        remote = new S3ObjectStore(s3.settings("pages"));
        source = LocalStorage.open(new StorageConfig(dir.resolve("source"), Map.of("background", "false")));
    }

    @AfterEach
    void stop() {
        source.close();
        remote.close();
        s3.close();
    }

    private PageserverConfig config() {
        return PageserverConfig.of(dir.resolve("ps")).withIntervals(Duration.ofHours(1), Duration.ofHours(1))
                .withWaitTimeout(Duration.ofSeconds(20)).withStoreOptions(Map.of("background", "false"));
    }

    private void assertSameAsSource(Pageserver ps, Timeline t, List<Lsn> lsns) {
        for (Lsn lsn : lsns) {
            for (PageKey key : RandomWal.allKeys()) {
                assertThat(ps.getPage(t.id(), key, lsn, lsn)).as("%s at %s", key, lsn)
                        .isEqualTo(source.pages().getPage(t.id(), key, lsn));
            }
            for (int r = 0; r < RandomWal.RELATIONS; r++) {
                assertThat(ps.relationSize(t.id(), 100 + r, ForkNumber.MAIN, lsn))
                        .isEqualTo(source.pages().relationSize(t.id(), 100 + r, ForkNumber.MAIN, lsn));
            }
        }
    }

    @Test
    void ingestsUploadsAndRebuildsFromS3PlusWal() throws Exception {
        Timeline t = source.timelines().createTimeline("main");
        RandomWal wal = new RandomWal(42);
        List<Lsn> first = wal.append(source.wal(), t.id(), 300);
        Lsn afterUpload;
        try (Pageserver ps = Pageserver.start(config(), source.wal(), remote)) {
            assertThat(ps.generation()).isEqualTo(1);
            ps.createTimeline(t.id(), t.name());
            assertSameAsSource(ps, t, List.of(first.get(0), first.get(150), first.get(299)));
            ps.checkpointAndUpload();
            afterUpload = ps.remoteConsistentLsn(t.id());
            assertThat(afterUpload).isEqualTo(first.get(299));
            assertThat(remote.list(RemoteLayout.layersPrefix(t.id()))).isNotEmpty();
            assertThat(remote.list(RemoteLayout.timelinePrefix(t.id()))).contains(RemoteLayout.manifestKey(t.id(), 1));
            List<Lsn> second = wal.append(source.wal(), t.id(), 200);
            ps.waitForLsn(t.id(), second.get(199), Duration.ofSeconds(20));
        }
        // the pageserver's disk is lost: it comes back from S3 (up to afterUpload) and the source's WAL after it
        org.lakepg.storage.local.FileUtil.deleteRecursively(dir.resolve("ps"));
        try (Pageserver ps = Pageserver.start(config(), source.wal(), remote)) {
            assertThat(ps.generation()).isEqualTo(2);
            assertThat(ps.timelines()).extracting(Timeline::id).containsExactly(t.id());
            Lsn end = source.wal().insertLsn(t.id());
            assertSameAsSource(ps, t, List.of(first.get(10), afterUpload, end));
            ps.checkpointAndUpload();
            assertThat(ps.remoteConsistentLsn(t.id())).isEqualTo(end);
            // the generation-1 manifest is superseded and removed; layers it alone named too
            assertThat(remote.list(RemoteLayout.timelinePrefix(t.id())))
                    .doesNotContain(RemoteLayout.manifestKey(t.id(), 1)).contains(RemoteLayout.manifestKey(t.id(), 2));
        }
    }

    @Test
    void commitTimesAreAnsweredAfterARebuildFromS3() throws Exception {
        Timeline t = source.timelines().createTimeline("main");
        java.util.Random random = new java.util.Random(5);
        java.time.Instant t0 = java.time.Instant.parse("2026-01-01T00:00:00Z");
        List<Lsn> commits = new java.util.ArrayList<>();
        List<java.time.Instant> stamps = new java.util.ArrayList<>();
        java.util.function.IntFunction<Lsn> commit = n -> {
            List<org.lakepg.storage.WalRecord> records = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                java.time.Instant last = stamps.isEmpty() ? t0 : stamps.get(stamps.size() - 1);
                // the clock steps back now and then
                stamps.add(random.nextInt(10) == 0 ? last.minusMillis(random.nextInt(300)) : last.plusMillis(random.nextInt(50)));
                records.add(org.lakepg.storage.WalRecord.marker(
                        org.lakepg.storage.TransactionMarker.commit(1000 + stamps.size(), stamps.get(stamps.size() - 1))));
            }
            commits.addAll(source.wal().appendAll(t.id(), records));
            return commits.get(commits.size() - 1);
        };
        int checkpointBytes = 0;
        try (Pageserver ps = Pageserver.start(config(), source.wal(), remote)) {
            ps.createTimeline(t.id(), t.name());
            for (int upload = 0; upload < 12; upload++) { // enough segments that small ones get merged
                ps.waitForLsn(t.id(), commit.apply(400), Duration.ofSeconds(20));
                ps.checkpointAndUpload();
            }
            TimelineManifest manifest = TimelineManifest.decode("m", remote.get(RemoteLayout.manifestKey(t.id(), 1)).orElseThrow());
            checkpointBytes = manifest.checkpointFile().length;
            System.out.printf("S3 manifest after %d commits: %d bytes, its checkpoint file %d bytes%n", commits.size(),
                    remote.get(RemoteLayout.manifestKey(t.id(), 1)).orElseThrow().length, checkpointBytes);
            assertThat(manifest.layers()).anyMatch(l -> l.name().startsWith("commits-"));
            commit.apply(100); // only in the WAL: ingested again after the rebuild
        }
        // the 4,800 uploaded commits took 76,800 bytes in the checkpoint file when it embedded the index; now a few summaries
        assertThat(checkpointBytes).isLessThan(1500);
        org.lakepg.storage.local.FileUtil.deleteRecursively(dir.resolve("ps"));
        try (Pageserver ps = Pageserver.start(config(), source.wal(), remote)) {
            ps.waitForLsn(t.id(), commits.get(commits.size() - 1), Duration.ofSeconds(20));
            java.time.Instant end = stamps.get(stamps.size() - 1);
            for (int q = 0; q < 300; q++) {
                java.time.Instant at = t0.plusMillis(random.nextLong(-500, end.toEpochMilli() - t0.toEpochMilli() + 500));
                java.time.Instant max = java.time.Instant.MIN;
                Lsn expected = Lsn.INVALID; // the last commit before the first one stamped after the time
                for (int i = 0; i < commits.size() && !(max = stamps.get(i).isAfter(max) ? stamps.get(i) : max).isAfter(at); i++) {
                    expected = commits.get(i);
                }
                assertThat(ps.lsnAt(t.id(), at)).as("at %s", at).isEqualTo(expected);
                assertThat(ps.lsnAt(t.id(), at)).isEqualTo(source.timelines().lsnAt(t.id(), at));
            }
        }
    }

    @Test
    void uploadsHappenInTheBackground() throws Exception {
        Timeline t = source.timelines().createTimeline("main");
        PageserverConfig background = config().withIntervals(Duration.ofMillis(100), Duration.ofMillis(300));
        try (Pageserver ps = Pageserver.start(background, source.wal(), remote)) {
            ps.createTimeline(t.id(), t.name());
            List<Lsn> lsns = new RandomWal(7).append(source.wal(), t.id(), 200);
            Lsn end = lsns.get(lsns.size() - 1);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (!ps.remoteConsistentLsn(t.id()).equals(end) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(ps.remoteConsistentLsn(t.id())).isEqualTo(end);
            assertThat(ps.layersUploaded()).isPositive();
        }
    }

    @Test
    void generationsNeverOverwriteOrDeleteEachOthersObjects() throws Exception {
        Timeline t = source.timelines().createTimeline("main");
        RandomWal wal = new RandomWal(11);
        PageserverConfig first = config();
        PageserverConfig second = PageserverConfig.of(dir.resolve("ps2")).withIntervals(Duration.ofHours(1), Duration.ofHours(1))
                .withStoreOptions(Map.of("background", "false"));
        try (Pageserver old = Pageserver.start(first, source.wal(), remote)) {
            old.createTimeline(t.id(), t.name());
            Lsn a = last(wal.append(source.wal(), t.id(), 150));
            old.waitForLsn(t.id(), a, Duration.ofSeconds(20));
            old.checkpointAndUpload();
            // a second pageserver takes over the bucket while the first still runs (a zombie)
            try (Pageserver successor = Pageserver.start(second, source.wal(), remote)) {
                assertThat(successor.generation()).isEqualTo(2);
                Lsn b = last(wal.append(source.wal(), t.id(), 150));
                successor.waitForLsn(t.id(), b, Duration.ofSeconds(20));
                successor.checkpointAndUpload();
                old.waitForLsn(t.id(), b, Duration.ofSeconds(20));
                old.localStore().compact(true);
                old.checkpointAndUpload(); // the zombie keeps uploading under its own generation
                TimelineManifest current = TimelineManifest.decode("m",
                        remote.get(RemoteLayout.manifestKey(t.id(), 2)).orElseThrow());
                for (TimelineManifest.RemoteLayer layer : current.layers()) {
                    assertThat(remote.get(layer.key())).as("%s named by generation 2", layer.key()).isPresent();
                }
                assertThat(remote.list(RemoteLayout.layersPrefix(t.id())))
                        .filteredOn(k -> RemoteLayout.generationOf(k) == 2).isNotEmpty();
            }
        }
        org.lakepg.storage.local.FileUtil.deleteRecursively(dir.resolve("ps2"));
        try (Pageserver third = Pageserver.start(second, source.wal(), remote)) {
            assertThat(third.generation()).isEqualTo(3);
            Lsn end = source.wal().insertLsn(t.id());
            assertSameAsSource(third, t, List.of(end));
        }
    }

    private static Lsn last(List<Lsn> lsns) {
        return lsns.get(lsns.size() - 1);
    }
}
