package org.lakepg.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TransactionMarker;
import org.lakepg.storage.WalEntry;
import org.lakepg.storage.WalReader;
import org.lakepg.storage.WalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStorageTest {

    @TempDir
    Path dir;

    private Storage open() {
        return Storage.load("local", new StorageConfig(dir, Map.of("background", "false")));
    }

    private static WalRecord patch(int rel, int block, int offset, int value) {
        return WalRecord.of(PagePatch.of(PageKey.main(rel, block), offset, new byte[] {(byte) value}));
    }

    @Test
    void pagesAreReadableAtEveryLsnAndSurviveRestart() {
        Lsn first;
        Lsn second;
        Lsn third;
        Timeline main;
        try (Storage s = open()) {
            main = s.timelines().createTimeline("main");
            assertThat(s.wal().insertLsn(main.id())).isEqualTo(Lsn.INVALID);
            first = s.wal().append(main.id(), patch(1, 0, 10, 1));
            second = s.wal().append(main.id(), patch(1, 0, 11, 2));
            third = s.wal().append(main.id(), patch(1, 2, 0, 3));
            assertThat(first).isLessThan(second);
            assertThat(s.wal().flush(main.id(), third).join()).isGreaterThanOrEqualTo(third);
            assertThat(s.wal().durableLsn(main.id())).isEqualTo(third);

            assertThat(s.pages().getPage(main.id(), PageKey.main(1, 0), Lsn.INVALID)).isEqualTo(Page.zero());
            assertThat(s.pages().getPage(main.id(), PageKey.main(1, 0), first)[10]).isEqualTo((byte) 1);
            assertThat(s.pages().getPage(main.id(), PageKey.main(1, 0), first)[11]).isZero();
            assertThat(s.pages().getPage(main.id(), PageKey.main(1, 0), second)[11]).isEqualTo((byte) 2);
            assertThat(s.pages().relationSize(main.id(), 1, ForkNumber.MAIN, second)).isEqualTo(1);
            assertThat(s.pages().relationSize(main.id(), 1, ForkNumber.MAIN, third)).isEqualTo(3);
            assertThat(s.pages().relationExists(main.id(), 1, ForkNumber.FSM, third)).isFalse();
            assertThat(s.pages().getPage(main.id(), PageKey.main(1, 1), third)).isEqualTo(Page.zero());
            assertThatThrownBy(() -> s.pages().getPage(main.id(), PageKey.main(1, 0), third.plus(1)))
                    .isInstanceOf(StorageException.class).hasMessageContaining("beyond the end of WAL");
        }
        try (Storage s = open()) {
            assertThat(s.timelines().byName("main")).contains(main);
            assertThat(s.wal().insertLsn(main.id())).isEqualTo(third);
            assertThat(s.pages().getPage(main.id(), PageKey.main(1, 0), first)[11]).isZero();
            assertThat(s.pages().getPage(main.id(), PageKey.main(1, 0), third)[11]).isEqualTo((byte) 2);
            Lsn fourth = s.wal().append(main.id(), patch(1, 0, 12, 4));
            assertThat(fourth).isGreaterThan(third);
        }
    }

    @Test
    void truncateAndDropForgetPagesAndExtensionReadsZeros() {
        try (Storage s = open()) {
            Timeline t = s.timelines().createTimeline("main");
            byte[] full = new byte[Page.SIZE];
            java.util.Arrays.fill(full, (byte) 9);
            s.wal().append(t.id(), WalRecord.of(new RelationCreate(5, ForkNumber.MAIN)));
            Lsn created = s.wal().insertLsn(t.id());
            assertThat(s.pages().relationExists(t.id(), 5, ForkNumber.MAIN, created)).isTrue();
            assertThat(s.pages().relationSize(t.id(), 5, ForkNumber.MAIN, created)).isZero();
            for (int b = 0; b < 4; b++) {
                s.wal().append(t.id(), WalRecord.of(new FullPageImage(PageKey.main(5, b), full)));
            }
            Lsn four = s.wal().insertLsn(t.id());
            Lsn truncated = s.wal().append(t.id(), WalRecord.of(new RelationTruncate(5, ForkNumber.MAIN, 1)));
            assertThat(s.pages().relationSize(t.id(), 5, ForkNumber.MAIN, truncated)).isEqualTo(1);
            // writing block 3 again extends the relation: block 2 was cut and reads as zeros, block 3 starts from zeros
            Lsn extended = s.wal().append(t.id(), patch(5, 3, 0, 7));
            assertThat(s.pages().relationSize(t.id(), 5, ForkNumber.MAIN, extended)).isEqualTo(4);
            assertThat(s.pages().getPage(t.id(), PageKey.main(5, 2), extended)).isEqualTo(Page.zero());
            byte[] block3 = s.pages().getPage(t.id(), PageKey.main(5, 3), extended);
            assertThat(block3[0]).isEqualTo((byte) 7);
            assertThat(block3[1]).isZero();
            assertThat(s.pages().getPage(t.id(), PageKey.main(5, 2), four)).isEqualTo(full);
            assertThat(s.pages().getPage(t.id(), PageKey.main(5, 0), extended)).isEqualTo(full);

            Lsn dropped = s.wal().append(t.id(), WalRecord.of(new RelationDrop(5)));
            assertThat(s.pages().relationExists(t.id(), 5, ForkNumber.MAIN, dropped)).isFalse();
            assertThat(s.pages().getPage(t.id(), PageKey.main(5, 0), dropped)).isEqualTo(Page.zero());
            Lsn recreated = s.wal().append(t.id(), patch(5, 0, 5, 1));
            byte[] again = s.pages().getPage(t.id(), PageKey.main(5, 0), recreated);
            assertThat(again[5]).isEqualTo((byte) 1);
            assertThat(again[0]).as("nothing of the dropped relation shows through").isZero();
            assertThat(s.pages().changedPages(t.id(), 5, ForkNumber.MAIN, created, four).stream().toArray())
                    .containsExactly(0, 1, 2, 3);
            assertThat(s.pages().changedPages(t.id(), 5, ForkNumber.MAIN, four, recreated).stream().toArray())
                    .containsExactly(0, 3);
        }
    }

    @Test
    void branchesReadTheirParentAtOrBelowTheBranchPoint() {
        try (Storage s = open()) {
            Timeline main = s.timelines().createTimeline("main");
            Lsn a = s.wal().append(main.id(), patch(1, 0, 0, 1));
            Timeline dev = s.timelines().branch(main.id(), null, "dev");
            assertThat(dev.branchLsn()).isEqualTo(a);
            assertThat(dev.parent()).isEqualTo(main.id());
            assertThat(s.wal().insertLsn(dev.id())).isEqualTo(a);
            Lsn mainB = s.wal().append(main.id(), patch(1, 0, 1, 2));
            Lsn devB = s.wal().append(dev.id(), patch(1, 0, 2, 3));

            byte[] onMain = s.pages().getPage(main.id(), PageKey.main(1, 0), mainB);
            byte[] onDev = s.pages().getPage(dev.id(), PageKey.main(1, 0), devB);
            assertThat(new byte[] {onMain[0], onMain[1], onMain[2]}).containsExactly(1, 2, 0);
            assertThat(new byte[] {onDev[0], onDev[1], onDev[2]}).containsExactly(1, 0, 3);
            assertThat(s.pages().getPage(dev.id(), PageKey.main(1, 0), a)[0]).isEqualTo((byte) 1);

            assertThatThrownBy(() -> s.timelines().delete(main.id())).isInstanceOf(StorageException.class)
                    .hasMessageContaining("has branches");
            assertThatThrownBy(() -> s.timelines().branch(main.id(), null, "dev"))
                    .isInstanceOf(StorageException.class).hasMessage("timeline \"dev\" already exists");
            s.timelines().delete(dev.id());
            assertThat(s.timelines().list()).containsExactly(main);
        }
    }

    @Test
    void lsnAtFindsTheLastCommitAtOrBeforeATime() {
        try (Storage s = open()) {
            Timeline t = s.timelines().createTimeline("main");
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            Lsn c1 = s.wal().append(t.id(), new WalRecord(List.of(PagePatch.of(PageKey.main(1, 0), 0, new byte[] {1})),
                    TransactionMarker.commit(10, t0.plusSeconds(10))));
            s.wal().append(t.id(), WalRecord.marker(TransactionMarker.abort(11, t0.plusSeconds(15))));
            Lsn c2 = s.wal().append(t.id(), WalRecord.marker(TransactionMarker.commit(12, t0.plusSeconds(20))));
            assertThat(s.timelines().lsnAt(t.id(), t0)).isEqualTo(Lsn.INVALID);
            assertThat(s.timelines().lsnAt(t.id(), t0.plusSeconds(10))).isEqualTo(c1);
            assertThat(s.timelines().lsnAt(t.id(), t0.plusSeconds(19))).isEqualTo(c1);
            assertThat(s.timelines().lsnAt(t.id(), t0.plusSeconds(99))).isEqualTo(c2);
            Timeline b = s.timelines().branch(t.id(), c1, "b");
            s.wal().append(b.id(), WalRecord.marker(TransactionMarker.commit(13, t0.plusSeconds(30))));
            assertThat(s.timelines().lsnAt(b.id(), t0.plusSeconds(25))).isEqualTo(c1);
        }
    }

    @Test
    void lsnAtAnswersTheSameFromTheCheckpointAfterARestart() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        org.lakepg.storage.TimelineId id;
        Lsn c1;
        Lsn c3;
        try (Storage s = open()) {
            Timeline t = s.timelines().createTimeline("main");
            id = t.id();
            c1 = s.wal().append(id, new WalRecord(List.of(PagePatch.of(PageKey.main(1, 0), 0, new byte[] {1})),
                    TransactionMarker.commit(10, t0.plusSeconds(10))));
            s.wal().append(id, WalRecord.marker(TransactionMarker.commit(11, t0.plusSeconds(30))));
            // the clock stepped back: the search goes by the running maximum, which the checkpoint keeps
            c3 = s.wal().append(id, WalRecord.marker(TransactionMarker.commit(12, t0.plusSeconds(20))));
            ((LocalStorage) s).checkpoint();
        }
        try (Storage s = open()) {
            assertThat(s.timelines().lsnAt(id, t0)).isEqualTo(Lsn.INVALID);
            assertThat(s.timelines().lsnAt(id, t0.plusSeconds(10))).isEqualTo(c1);
            assertThat(s.timelines().lsnAt(id, t0.plusSeconds(25))).isEqualTo(c1);
            assertThat(s.timelines().lsnAt(id, t0.plusSeconds(99))).isEqualTo(c3);
        }
    }

    @Test
    void walReaderReturnsRecordsAfterAnLsn() {
        try (Storage s = open()) {
            Timeline t = s.timelines().createTimeline("main");
            List<WalRecord> records = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                records.add(patch(1, i % 3, i, i));
            }
            List<Lsn> lsns = s.wal().appendAll(t.id(), records);
            List<WalEntry> read = new ArrayList<>();
            try (WalReader reader = s.wal().read(t.id(), lsns.get(9))) {
                reader.forEachRemaining(read::add);
            }
            assertThat(read).hasSize(40);
            assertThat(read.get(0)).isEqualTo(new WalEntry(lsns.get(10), records.get(10)));
            assertThat(read.get(39).lsn()).isEqualTo(lsns.get(49));
        }
    }

    @Test
    void checkpointedWalIsRemovedAndABranchReadsOnlyItsOwnWal() {
        try (Storage s = Storage.load("local", new StorageConfig(dir, Map.of("background", "false", "wal_segment_size", "4096")))) {
            Timeline t = s.timelines().createTimeline("main");
            List<Lsn> lsns = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                lsns.add(s.wal().append(t.id(), patch(1, i % 3, i, i)));
            }
            ((LocalStorage) s).checkpoint();
            assertThatThrownBy(() -> s.wal().read(t.id(), Lsn.INVALID))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.NOT_FOUND))
                    .hasMessageContaining("has been removed");
            Lsn last = lsns.get(199);
            try (WalReader tail = s.wal().read(t.id(), lsns.get(198))) {
                assertThat(tail.next().lsn()).isEqualTo(last);
                assertThat(tail.hasNext()).isFalse();
            }
            Timeline b = s.timelines().branch(t.id(), lsns.get(100), "b");
            Lsn own = s.wal().append(b.id(), patch(1, 0, 0, 9));
            List<WalEntry> read = new ArrayList<>();
            try (WalReader reader = s.wal().read(b.id(), Lsn.INVALID)) {
                reader.forEachRemaining(read::add);
            }
            assertThat(read).extracting(WalEntry::lsn).containsExactly(own);
            assertThat(s.pages().getPage(b.id(), PageKey.main(1, 1), own)[100]).isEqualTo((byte) 100);
        }
    }

    @Test
    void retentionIsPersisted() {
        try (Storage s = open()) {
            assertThat(s.timelines().retention()).isEqualTo(Duration.ofDays(1));
            s.timelines().setRetention(Duration.ofMinutes(5));
        }
        try (Storage s = open()) {
            assertThat(s.timelines().retention()).isEqualTo(Duration.ofMinutes(5));
        }
    }

    @Test
    void secondOpenOfTheSameDirectoryIsRefused() {
        try (Storage s = open()) {
            assertThatThrownBy(this::open).isInstanceOf(StorageException.class).hasMessageContaining("already open");
            assertThat(s.timelines().list()).isEmpty();
        }
    }
}
