package org.lakepg.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.FullPageImage;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.Page;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.RelationCreate;
import org.lakepg.storage.RelationDrop;
import org.lakepg.storage.RelationTruncate;
import org.lakepg.storage.Storage;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TransactionMarker;
import org.lakepg.storage.WalEntry;
import org.lakepg.storage.WalReader;
import org.lakepg.storage.WalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every storage implementation owes the compute, run against each one (local, cloud) through the
 * public SPI only. Subclasses say how to open a store on a directory; reopening the same directory must find
 * everything that was flushed.
 */
public abstract class AbstractStorageContractTest {

    @TempDir
    protected Path dir;

    /** Opens (or reopens) the store kept in {@code dir}. */
    protected abstract Storage openStorage(Path dir);

    protected static WalRecord patch(int relation, int block, int offset, int value) {
        return WalRecord.of(PagePatch.of(PageKey.main(relation, block), offset, new byte[] {(byte) value}));
    }

    private static byte at(Storage s, Timeline t, PageKey key, Lsn lsn, int offset) {
        return s.pages().getPage(t.id(), key, lsn)[offset];
    }

    @Test
    void everyPageIsReadableAtEveryLsn() {
        try (Storage s = openStorage(dir)) {
            Timeline t = s.timelines().createTimeline("main");
            Lsn a = s.wal().append(t.id(), patch(1, 0, 0, 1));
            Lsn b = s.wal().append(t.id(), patch(1, 0, 0, 2));
            Lsn c = s.wal().append(t.id(), patch(1, 0, 1, 3));
            assertThat(a).isLessThan(b);
            assertThat(b).isLessThan(c);
            // LSN accounting is part of the contract: previous + frame overhead + encoded length
            assertThat(b).isEqualTo(org.lakepg.storage.WalRecordCodec.lsnAfter(a,
                    org.lakepg.storage.WalRecordCodec.encode(patch(1, 0, 0, 2))));
            assertThat(s.wal().insertLsn(t.id())).isEqualTo(c);
            PageKey key = PageKey.main(1, 0);
            assertThat(at(s, t, key, a, 0)).isEqualTo((byte) 1);
            assertThat(at(s, t, key, b, 0)).isEqualTo((byte) 2);
            assertThat(at(s, t, key, b, 1)).isZero();
            assertThat(at(s, t, key, c, 1)).isEqualTo((byte) 3);
            assertThat(s.pages().getPage(t.id(), PageKey.main(1, 5), c)).isEqualTo(Page.zero());
            assertThat(s.pages().getPage(t.id(), PageKey.main(99, 0), c)).isEqualTo(Page.zero());
            List<byte[]> batch = s.pages().getPages(t.id(), List.of(key, PageKey.main(1, 5), key), b);
            assertThat(batch).hasSize(3);
            assertThat(batch.get(0)[0]).isEqualTo((byte) 2);
            assertThat(batch.get(1)).isEqualTo(Page.zero());
            assertThat(batch.get(2)).isEqualTo(batch.get(0));
        }
    }

    @Test
    void flushedRecordsSurviveReopen() {
        Timeline t;
        Lsn last = Lsn.INVALID;
        try (Storage s = openStorage(dir)) {
            t = s.timelines().createTimeline("main");
            List<CompletableFuture<Lsn>> flushes = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                last = s.wal().append(t.id(), patch(1, i % 4, i / 4, i));
                flushes.add(s.wal().flush(t.id(), last));
            }
            for (CompletableFuture<Lsn> f : flushes) {
                assertThat(f.join()).isGreaterThanOrEqualTo(Lsn.INVALID);
            }
            assertThat(s.wal().flush(t.id(), last).join()).isGreaterThanOrEqualTo(last);
            assertThat(s.wal().durableLsn(t.id())).isGreaterThanOrEqualTo(last);
        }
        try (Storage s = openStorage(dir)) {
            assertThat(s.timelines().get(t.id())).contains(t);
            assertThat(s.wal().insertLsn(t.id())).isEqualTo(last);
            for (int i = 96; i < 100; i++) {
                assertThat(at(s, t, PageKey.main(1, i % 4), last, i / 4)).isEqualTo((byte) i);
            }
        }
    }

    @Test
    void branchesSeeTheirParentOnlyUpToTheBranchPoint() {
        try (Storage s = openStorage(dir)) {
            Timeline main = s.timelines().createTimeline("main");
            Lsn before = s.wal().append(main.id(), patch(1, 0, 0, 1));
            Timeline dev = s.timelines().branch(main.id(), before, "dev");
            assertThat(dev.parent()).isEqualTo(main.id());
            assertThat(dev.branchLsn()).isEqualTo(before);
            Lsn mainAfter = s.wal().append(main.id(), patch(1, 0, 0, 2));
            Lsn devAfter = s.wal().append(dev.id(), patch(1, 0, 1, 3));
            PageKey key = PageKey.main(1, 0);
            assertThat(at(s, main, key, mainAfter, 0)).isEqualTo((byte) 2);
            assertThat(at(s, main, key, mainAfter, 1)).isZero();
            assertThat(at(s, dev, key, devAfter, 0)).isEqualTo((byte) 1);
            assertThat(at(s, dev, key, devAfter, 1)).isEqualTo((byte) 3);
            assertThat(s.timelines().list()).extracting(Timeline::name).containsExactly("main", "dev");
            assertThat(s.timelines().byName("dev")).contains(dev);
            assertThatThrownBy(() -> s.timelines().delete(main.id())).isInstanceOf(StorageException.class);
            s.timelines().delete(dev.id());
            assertThat(s.timelines().get(dev.id())).isEmpty();
        }
    }

    @Test
    void relationSizesFollowExtensionTruncateAndDrop() {
        try (Storage s = openStorage(dir)) {
            Timeline t = s.timelines().createTimeline("main");
            Lsn created = s.wal().append(t.id(), WalRecord.of(new RelationCreate(3, ForkNumber.MAIN)));
            assertThat(s.pages().relationExists(t.id(), 3, ForkNumber.MAIN, created)).isTrue();
            assertThat(s.pages().relationExists(t.id(), 3, ForkNumber.FSM, created)).isFalse();
            Lsn extended = s.wal().append(t.id(), WalRecord.of(new FullPageImage(PageKey.main(3, 4), Page.zero())));
            assertThat(s.pages().relationSize(t.id(), 3, ForkNumber.MAIN, extended)).isEqualTo(5);
            Lsn truncated = s.wal().append(t.id(), WalRecord.of(new RelationTruncate(3, ForkNumber.MAIN, 2)));
            assertThat(s.pages().relationSize(t.id(), 3, ForkNumber.MAIN, truncated)).isEqualTo(2);
            assertThat(s.pages().relationSize(t.id(), 3, ForkNumber.MAIN, extended)).isEqualTo(5);
            Lsn dropped = s.wal().append(t.id(), WalRecord.of(new RelationDrop(3)));
            assertThat(s.pages().relationExists(t.id(), 3, ForkNumber.MAIN, dropped)).isFalse();
            assertThat(s.pages().relationSize(t.id(), 3, ForkNumber.MAIN, dropped)).isZero();
        }
    }

    @Test
    void changedPagesListsBlocksWrittenBetweenTwoLsns() {
        try (Storage s = openStorage(dir)) {
            Timeline t = s.timelines().createTimeline("main");
            Lsn first = s.wal().append(t.id(), patch(2, 0, 0, 1));
            s.wal().append(t.id(), patch(2, 3, 0, 1));
            Lsn last = s.wal().append(t.id(), patch(2, 7, 0, 1));
            assertThat(s.pages().changedPages(t.id(), 2, ForkNumber.MAIN, first, last).stream().toArray()).containsExactly(3, 7);
            assertThat(s.pages().changedPages(t.id(), 2, ForkNumber.MAIN, Lsn.INVALID, last).stream().toArray()).containsExactly(0, 3, 7);
            assertThat(s.pages().changedPages(t.id(), 2, ForkNumber.FSM, Lsn.INVALID, last).isEmpty()).isTrue();
        }
    }

    @Test
    void lsnAtFindsTheCommitsOfAMoment() {
        try (Storage s = openStorage(dir)) {
            Timeline t = s.timelines().createTimeline("main");
            Instant t0 = Instant.parse("2026-03-01T12:00:00Z");
            Lsn c1 = s.wal().append(t.id(), WalRecord.marker(TransactionMarker.commit(1, t0)));
            Lsn c2 = s.wal().append(t.id(), WalRecord.marker(TransactionMarker.commit(2, t0.plusSeconds(60))));
            assertThat(s.timelines().lsnAt(t.id(), t0.minusSeconds(1))).isLessThan(c1);
            assertThat(s.timelines().lsnAt(t.id(), t0.plusSeconds(30))).isEqualTo(c1);
            assertThat(s.timelines().lsnAt(t.id(), t0.plusSeconds(3600))).isEqualTo(c2);
        }
    }

    @Test
    void walCanBeReadBackInOrder() {
        try (Storage s = openStorage(dir)) {
            Timeline t = s.timelines().createTimeline("main");
            List<WalRecord> records = List.of(patch(1, 0, 0, 1), patch(1, 1, 0, 2), patch(1, 2, 0, 3));
            List<Lsn> lsns = s.wal().appendAll(t.id(), records);
            List<WalEntry> read = new ArrayList<>();
            try (WalReader reader = s.wal().read(t.id(), Lsn.INVALID)) {
                reader.forEachRemaining(read::add);
            }
            assertThat(read).containsExactly(new WalEntry(lsns.get(0), records.get(0)),
                    new WalEntry(lsns.get(1), records.get(1)), new WalEntry(lsns.get(2), records.get(2)));
        }
    }

    @Test
    void timelineNamesAreUniqueAndUnknownIdsAreNotFound() {
        try (Storage s = openStorage(dir)) {
            Timeline t = s.timelines().createTimeline("main");
            assertThatThrownBy(() -> s.timelines().createTimeline("main"))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.ALREADY_EXISTS));
            assertThatThrownBy(() -> s.wal().insertLsn(org.lakepg.storage.TimelineId.random()))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.NOT_FOUND));
            assertThat(s.timelines().get(t.id())).contains(t);
            assertThatThrownBy(() -> s.timelines().createTimeline(" "))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.INVALID_REQUEST));
        }
    }
}
