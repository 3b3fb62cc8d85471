package org.lakepg.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.local.timeline.CheckpointFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timelines attached with a given identity, and a timeline rebuilt elsewhere from a copy of its checkpoint. */
class CheckpointFilesTest {

    @TempDir
    Path dir;

    private static LocalStorage open(Path dir) {
        return LocalStorage.open(new StorageConfig(dir, Map.of("background", "false")));
    }

    private static WalRecord patch(int rel, int block, int offset, int value) {
        return WalRecord.of(PagePatch.of(PageKey.main(rel, block), offset, new byte[] {(byte) value}));
    }

    @Test
    void attachedTimelinesKeepTheirIdentity() {
        try (LocalStorage s = open(dir.resolve("a"))) {
            TimelineId rootId = TimelineId.random();
            Timeline root = s.attachTimeline(new Timeline(rootId, null, Lsn.INVALID, "main", java.time.Instant.now()));
            assertThat(root.id()).isEqualTo(rootId);
            Lsn at = s.wal().append(rootId, patch(1, 0, 0, 7));
            s.wal().append(rootId, patch(1, 0, 0, 8));
            TimelineId childId = TimelineId.random();
            Timeline child = s.attachTimeline(new Timeline(childId, rootId, at, "child", java.time.Instant.now()));
            assertThat(child.branchLsn()).isEqualTo(at);
            assertThat(s.pages().getPage(childId, PageKey.main(1, 0), at)[0]).isEqualTo((byte) 7);
            assertThatThrownBy(() -> s.attachTimeline(root)).isInstanceOf(StorageException.class)
                    .hasMessageContaining("already exists");
            assertThatThrownBy(() -> s.attachTimeline(new Timeline(TimelineId.random(), rootId, Lsn.of(1L << 40), "far",
                    java.time.Instant.now()))).hasMessageContaining("beyond the end of WAL");
        }
    }

    @Test
    void aTimelineRestoredFromItsCheckpointFilesReadsTheSame() throws Exception {
        Timeline main;
        Lsn first;
        Lsn last;
        CheckpointFiles copy;
        Path copiedLayers = Files.createDirectories(dir.resolve("copied"));
        try (LocalStorage s = open(dir.resolve("a"))) {
            main = s.timelines().createTimeline("main");
            assertThat(s.lastCheckpoint(main.id())).isNull();
            first = s.wal().append(main.id(), patch(1, 0, 0, 1));
            s.wal().append(main.id(), patch(1, 3, 5, 2));
            s.checkpoint();
            last = s.wal().append(main.id(), patch(1, 0, 0, 3));
            s.checkpoint();
            copy = s.lastCheckpoint(main.id());
            assertThat(copy.checkpointLsn()).isEqualTo(last.value());
            assertThat(copy.layerFiles()).hasSize(2);
            assertThat(CheckpointFiles.layerNames(copy.checkpointFile()))
                    .containsExactlyElementsOf(copy.layerFiles().stream().map(p -> p.getFileName().toString()).toList());
            for (Path layer : copy.layerFiles()) {
                Files.copy(layer, copiedLayers.resolve(layer.getFileName()));
            }
        }
        Path layers = CheckpointFiles.restore(dir.resolve("b"), main, copy.checkpointFile());
        for (Path layer : copy.layerFiles()) {
            Files.copy(copiedLayers.resolve(layer.getFileName()), layers.resolve(layer.getFileName()));
        }
        try (LocalStorage s = open(dir.resolve("b"))) {
            assertThat(s.wal().insertLsn(main.id())).isEqualTo(last);
            assertThat(s.pages().getPage(main.id(), PageKey.main(1, 0), first)[0]).isEqualTo((byte) 1);
            assertThat(s.pages().getPage(main.id(), PageKey.main(1, 0), last)[0]).isEqualTo((byte) 3);
            assertThat(s.pages().getPage(main.id(), PageKey.main(1, 3), last)[5]).isEqualTo((byte) 2);
            assertThat(s.pages().relationSize(main.id(), 1, org.lakepg.storage.ForkNumber.MAIN, last)).isEqualTo(4);
            Lsn next = s.wal().append(main.id(), patch(1, 0, 0, 4));
            assertThat(next).isGreaterThan(last);
            assertThat(s.pages().getPage(main.id(), PageKey.main(1, 0), next)[0]).isEqualTo((byte) 4);
        }
    }
}
