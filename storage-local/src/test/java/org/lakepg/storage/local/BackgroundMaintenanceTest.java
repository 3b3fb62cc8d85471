package org.lakepg.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.Patch;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.WalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With background maintenance on and a tiny {@code layer_size}, appends trigger checkpoints by themselves (and
 * checkpoint synchronously when the background falls behind): layers appear on disk, the WAL is trimmed, and every
 * page still reads as the model says — before and after a restart.
 */
class BackgroundMaintenanceTest {

    @TempDir
    Path dir;

    @Test
    void appendsCheckpointByThemselvesAndNothingIsLost() throws Exception {
        Random random = new Random(11);
        StorageConfig config = new StorageConfig(dir, Map.of("layer_size", "65536", "wal_segment_size", "65536"));
        PageModel.Timeline model;
        try (LocalStorage store = LocalStorage.open(config)) {
            Timeline t = store.timelines().createTimeline("main");
            model = new PageModel.Timeline(t.id(), null, 0);
            for (int i = 0; i < 4000; i++) {
                byte[] bytes = new byte[16 + random.nextInt(200)];
                random.nextBytes(bytes);
                WalRecord record = WalRecord.of(new PagePatch(PageKey.main(1, random.nextInt(64)),
                        List.of(new Patch(random.nextInt(8192 - bytes.length), bytes))));
                model.entries.add(new PageModel.Entry(store.wal().append(t.id(), record).value(), record));
            }
            store.wal().flush(t.id(), Lsn.MAX).join();
            assertThat(store.layerBytesWritten()).as("layer files written by background checkpoints").isPositive();
            checkAll(store, model);
        }
        Path timelineDir = dir.resolve("timelines").resolve(model.id.toString());
        try (Stream<Path> wal = Files.list(timelineDir.resolve("wal"))) {
            assertThat(wal.count()).as("WAL segments left after the closing checkpoint").isEqualTo(1);
        }
        try (LocalStorage store = LocalStorage.open(config)) {
            checkAll(store, model);
        }
    }

    private static void checkAll(LocalStorage store, PageModel.Timeline model) {
        for (long lsn : new long[] {model.lastLsn(), model.entries.get(2000).lsn(), model.entries.get(10).lsn()}) {
            PageModel.State expected = PageModel.stateAt(model, lsn);
            for (int b = 0; b < 64; b++) {
                PageKey key = PageKey.main(1, b);
                assertThat(store.pages().getPage(model.id, key, Lsn.of(lsn))).as("%s at %s", key, Lsn.of(lsn))
                        .isEqualTo(expected.page(key));
            }
        }
    }
}
