package org.lakepg.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.TransactionMarker;
import org.lakepg.storage.WalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GC and compaction never lose a version still reachable: every LSN inside the retention window and every branch
 * point stays readable with the right contents, also after a restart, while layers outside them are deleted.
 */
class GcAndCompactionTest {

    private static final int PAGES = 20;

    @TempDir
    Path dir;

    private final Random random = new Random(42);

    private LocalStorage open() {
        return LocalStorage.open(new StorageConfig(dir, Map.of("background", "false", "image_after_deltas", "3", "image_delta_ratio", "0")));
    }

    /** Writes a round of patches to every page, committed at {@code at}; returns the commit's LSN. */
    private Lsn writeRound(LocalStorage store, PageModel.Timeline model, Instant at) {
        Lsn last = null;
        for (int p = 0; p < PAGES; p++) {
            byte[] bytes = new byte[8];
            random.nextBytes(bytes);
            WalRecord record = new WalRecord(List.of(PagePatch.of(PageKey.main(7, p), random.nextInt(8000), bytes)),
                    p == PAGES - 1 ? TransactionMarker.commit(p, at) : null);
            last = store.wal().append(model.id, record);
            model.entries.add(new PageModel.Entry(last.value(), record));
        }
        return last;
    }

    private static void assertSame(LocalStorage store, PageModel.Timeline model, Lsn lsn) {
        PageModel.State expected = PageModel.stateAt(model, lsn.value());
        for (int p = 0; p < PAGES; p++) {
            PageKey key = PageKey.main(7, p);
            assertThat(store.pages().getPage(model.id, key, lsn)).as("%s at %s", key, lsn).isEqualTo(expected.page(key));
        }
    }

    private long layerFiles(TimelineId id) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("timelines").resolve(id.toString()).resolve("layers"))) {
            return files.count();
        }
    }

    @Test
    void retentionWindowAndBranchPointsSurviveGcAndCompaction() throws IOException {
        Instant now = Instant.now();
        PageModel.Timeline main;
        PageModel.Timeline child;
        Lsn branchPoint;
        Lsn windowStart;
        List<Lsn> inWindow = new java.util.ArrayList<>();
        try (LocalStorage store = open()) {
            store.timelines().setRetention(Duration.ofHours(1));
            Timeline t = store.timelines().createTimeline("main");
            main = new PageModel.Timeline(t.id(), null, 0);
            // ten rounds two hours ago (outside the window), one checkpoint each: ten delta layers
            Lsn old = null;
            for (int round = 0; round < 10; round++) {
                old = writeRound(store, main, now.minus(Duration.ofHours(2)).plusSeconds(round));
                store.checkpoint();
                store.compact(false); // as the background does after each checkpoint: an image every third delta
            }
            windowStart = old;
            branchPoint = Lsn.of(main.entries.get(5 * PAGES - 1).lsn());
            Timeline b = store.timelines().branch(t.id(), branchPoint, "child");
            child = new PageModel.Timeline(b.id(), main, branchPoint.value());
            writeRound(store, child, now.minus(Duration.ofMinutes(90)));
            // rounds inside the window
            for (int round = 0; round < 6; round++) {
                inWindow.add(writeRound(store, main, now.minus(Duration.ofMinutes(30)).plusSeconds(round)));
                store.checkpoint();
                store.compact(false);
            }
            long before = layerFiles(main.id);
            int removed = store.collectGarbage(now);
            assertThat(removed).as("layers removed").isPositive();
            assertThat(layerFiles(main.id)).isEqualTo(before - removed);
            assertThat(store.gcHorizon(main.id)).isEqualTo(windowStart);

            checkReachable(store, main, child, branchPoint, windowStart, inWindow);
        }
        try (LocalStorage store = open()) {
            checkReachable(store, main, child, branchPoint, windowStart, inWindow);
            // a forced image at the end plus GC again: still everything reachable
            store.compact(true);
            store.collectGarbage(now);
            checkReachable(store, main, child, branchPoint, windowStart, inWindow);
            // once the branch is gone, its branch point is no longer kept
            store.timelines().delete(child.id);
            store.collectGarbage(now);
            Lsn lost = branchPoint;
            assertThatThrownBy(() -> store.pages().getPage(main.id, PageKey.main(7, 0), lost))
                    .isInstanceOf(StorageException.class).hasMessageContaining("below the GC horizon");
            for (Lsn lsn : inWindow) {
                assertSame(store, main, lsn);
            }
        }
    }

    private static void checkReachable(LocalStorage store, PageModel.Timeline main, PageModel.Timeline child,
            Lsn branchPoint, Lsn windowStart, List<Lsn> inWindow) {
        assertSame(store, main, windowStart);
        for (Lsn lsn : inWindow) {
            assertSame(store, main, lsn);
        }
        for (PageModel.Entry e : main.entries) {
            if (e.lsn() >= windowStart.value()) {
                assertSame(store, main, Lsn.of(e.lsn()));
            }
        }
        assertSame(store, main, branchPoint);
        assertSame(store, child, branchPoint);
        assertSame(store, child, Lsn.of(child.lastLsn()));
        Lsn below = Lsn.of(main.entries.get(10).lsn());
        assertThatThrownBy(() -> store.pages().getPage(main.id, PageKey.main(7, 0), below))
                .isInstanceOf(StorageException.class).hasMessageContaining("below the GC horizon");
    }
}
