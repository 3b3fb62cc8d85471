package org.lakepg.storage.cloud.pageserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.ObjectStore;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.contract.FaultInjectingObjectStore;
import org.lakepg.storage.local.FileUtil;
import org.lakepg.storage.local.LocalStorage;
import org.lakepg.storage.local.objects.LocalDirectoryObjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3 stays consistent at every moment while uploads fail at random: a manifest is only ever written when every
 * layer it names is stored, and a layer is only deleted when no stored manifest names it. The object store is a real
 * directory behind the fault-injecting wrapper; checkpoints, image compaction and GC (retention 0) run between
 * uploads so layers come and go. At the end a pageserver with an empty disk rebuilds and answers like the source.
 */
class UploadOrderTest {

    @TempDir
    Path dir;

    /** Checks the two ordering rules on every call that reaches the real store. */
    private static final class OrderChecker implements ObjectStore {
        private final ObjectStore delegate;
        int manifestsPut;
        int layersDeleted;

        OrderChecker(ObjectStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void put(String key, byte[] data) {
            if (RemoteLayout.isManifest(key)) {
                for (TimelineManifest.RemoteLayer layer : TimelineManifest.decode(key, data).layers()) {
                    assertThat(delegate.get(layer.key())).as("layer %s named by %s", layer.key(), key).isPresent();
                }
                manifestsPut++;
            }
            delegate.put(key, data);
        }

        @Override
        public Optional<byte[]> get(String key) {
            return delegate.get(key);
        }

        @Override
        public List<String> list(String prefix) {
            return delegate.list(prefix);
        }

        @Override
        public void delete(String key) {
            if (!RemoteLayout.isManifest(key)) {
                for (String other : delegate.list(RemoteLayout.ROOT)) {
                    if (RemoteLayout.isManifest(other)) {
                        TimelineManifest m = TimelineManifest.decode(other, delegate.get(other).orElseThrow());
                        assertThat(m.layers()).as("%s deleted while %s names it", key, other)
                                .noneMatch(l -> l.key().equals(key));
                    }
                }
                layersDeleted++;
            }
            delegate.delete(key);
        }
    }

    @Test
    void s3IsConsistentThroughFailuresAndGc() throws Exception {
        long seed = Long.getLong("lakepg.seed", System.nanoTime());
        Random random = new Random(seed);
        LocalDirectoryObjectStore disk = new LocalDirectoryObjectStore(dir.resolve("objects"));
        FaultInjectingObjectStore faulty = new FaultInjectingObjectStore(disk, seed, 0.3);
        OrderChecker remote = new OrderChecker(faulty);
        PageserverConfig config = PageserverConfig.of(dir.resolve("ps")).withIntervals(Duration.ofHours(1), Duration.ofHours(1))
                .withStoreOptions(Map.of("background", "false"));
        try (LocalStorage source = LocalStorage.open(new StorageConfig(dir.resolve("source"), Map.of("background", "false")))) {
            Timeline t = source.timelines().createTimeline("main");
            RandomWal wal = new RandomWal(seed);
            faulty.setFailureRate(0);
            try (Pageserver ps = Pageserver.start(config, source.wal(), remote)) {
                ps.createTimeline(t.id(), t.name());
                ps.setRetention(Duration.ZERO);
                faulty.setFailureRate(0.3);
                for (int round = 0; round < 25; round++) {
                    List<Lsn> lsns = wal.append(source.wal(), t.id(), 20 + random.nextInt(40));
                    ps.waitForLsn(t.id(), lsns.get(lsns.size() - 1), Duration.ofSeconds(20));
                    ps.localStore().checkpoint();
                    if (random.nextInt(3) == 0) {
                        ps.localStore().compact(true);
                        ps.localStore().collectGarbage(Instant.now().plusSeconds(1));
                    }
                    try {
                        ps.checkpointAndUpload();
                    } catch (StorageException e) {
                        assertThat(e.getMessage()).as("seed %d", seed).contains("injected failure");
                    }
                }
                faulty.setFailureRate(0);
                ps.checkpointAndUpload();
                assertThat(ps.remoteConsistentLsn(t.id())).isEqualTo(source.wal().insertLsn(t.id()));
            }
            assertThat(remote.manifestsPut).isPositive();
            assertThat(remote.layersDeleted).as("seed %d: GC removed layers from S3", seed).isPositive();
            FileUtil.deleteRecursively(dir.resolve("ps"));
            try (Pageserver ps = Pageserver.start(config, source.wal(), remote)) {
                Lsn end = source.wal().insertLsn(t.id());
                for (PageKey key : RandomWal.allKeys()) {
                    assertThat(ps.getPage(t.id(), key, end, end)).as("seed %d: %s", seed, key)
                            .isEqualTo(source.pages().getPage(t.id(), key, end));
                }
            }
            List<String> leftovers = new ArrayList<>(disk.list(RemoteLayout.layersPrefix(t.id())));
            TimelineManifest last = TimelineManifest.decode("m", disk.get(RemoteLayout.manifestKey(t.id(), 1)).orElseThrow());
            assertThat(leftovers).as("only layers the manifest names remain")
                    .containsExactlyInAnyOrderElementsOf(last.layers().stream().map(TimelineManifest.RemoteLayer::key).toList());
        }
    }
}
