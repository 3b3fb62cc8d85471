package org.lakepg.storage.cloud.safekeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalEntry;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.WalRecordCodec;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply.Rejected;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply.Why;
import org.lakepg.storage.cloud.safekeeper.TimelineLog.TimelineState;

/** The per-timeline rules the state machine applies, on real segment files. */
class TimelineLogTest {

    @TempDir
    Path dir;

    private final TimelineId id = TimelineId.random();

    @Test
    void appendsChainLsnsAndRejectsOlderGenerationsAndGaps() {
        try (TimelineLog log = TimelineLog.open(dir, new TimelineState(id, 1, 100, 100, 100), 1 << 20)) {
            List<byte[]> batch = payloads(0, 3);
            SafekeeperReply reply = log.append(new SafekeeperRequest.Append(id, 1, Lsn.of(100), batch));
            long expectedEnd = 100 + batch.stream().mapToLong(p -> WalRecordCodec.FRAME_OVERHEAD + p.length).sum();
            assertThat(reply).isEqualTo(new SafekeeperReply.Appended(Lsn.of(expectedEnd)));

            assertThat(log.acquire(SafekeeperRequest.NEXT_GENERATION)).isInstanceOf(SafekeeperReply.TimelineState.class);
            assertThat(log.append(new SafekeeperRequest.Append(id, 1, Lsn.of(expectedEnd), payloads(3, 4))))
                    .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.why()).isEqualTo(Why.FENCED));
            assertThat(log.append(new SafekeeperRequest.Append(id, 2, Lsn.of(expectedEnd + 1), payloads(3, 4))))
                    .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.why()).isEqualTo(Why.INVALID));
            assertThat(log.acquire(2)).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.why()).isEqualTo(Why.FENCED));
            assertThat(log.reply().endLsn()).isEqualTo(Lsn.of(expectedEnd));
        }
    }

    @Test
    void aRetriedOrReplayedAppendIsNotWrittenTwice() {
        List<byte[]> first = payloads(0, 5);
        long end;
        try (TimelineLog log = TimelineLog.open(dir, new TimelineState(id, 1, 0, 0, 0), 1 << 20)) {
            end = ((SafekeeperReply.Appended) log.append(new SafekeeperRequest.Append(id, 1, Lsn.INVALID, first))).endLsn().value();
            // the same request again (a client retry after the retry cache expired)
            assertThat(log.append(new SafekeeperRequest.Append(id, 1, Lsn.INVALID, first)))
                    .isEqualTo(new SafekeeperReply.Appended(Lsn.of(end)));
            assertThat(read(log)).hasSize(5);
        }
        // Restart from a snapshot taken before those records: replaying the entry finds them on disk.
        try (TimelineLog log = TimelineLog.open(dir, new TimelineState(id, 1, 0, 0, 0), 1 << 20)) {
            List<byte[]> more = new ArrayList<>(first);
            more.addAll(payloads(5, 7));
            SafekeeperReply reply = log.append(new SafekeeperRequest.Append(id, 1, Lsn.INVALID, more));
            assertThat(((SafekeeperReply.Appended) reply).endLsn().value()).isGreaterThan(end);
            List<WalEntry> all = read(log);
            assertThat(all).hasSize(7);
            for (int i = 0; i < 7; i++) {
                assertThat(all.get(i).record()).isEqualTo(record(i));
            }
        }
    }

    @Test
    void anAppendThatDoesNotMeetTheEndAtARecordBoundaryIsRejected() {
        try (TimelineLog log = TimelineLog.open(dir, new TimelineState(id, 1, 0, 0, 0), 1 << 20)) {
            log.append(new SafekeeperRequest.Append(id, 1, Lsn.INVALID, payloads(0, 2)));
            byte[] big = new byte[500];
            assertThat(log.append(new SafekeeperRequest.Append(id, 1, Lsn.of(5), List.of(big))))
                    .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.message()).contains("record boundary"));
        }
    }

    @Test
    void trimmedWalCannotBeReadAnyMore() {
        try (TimelineLog log = TimelineLog.open(dir, new TimelineState(id, 1, 0, 0, 0), 256)) {
            for (int i = 0; i < 20; i++) {
                log.append(new SafekeeperRequest.Append(id, 1, log.reply().endLsn(), payloads(i, i + 1)));
            }
            List<WalEntry> all = read(log);
            Lsn upTo = all.get(10).lsn();
            assertThat(log.trim(upTo)).isInstanceOfSatisfying(SafekeeperReply.TimelineState.class,
                    s -> assertThat(s.trimmedUpTo()).isEqualTo(upTo));
            assertThat(log.read(Lsn.INVALID, 1 << 20))
                    .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.why()).isEqualTo(Why.NOT_FOUND));
            assertThat(((SafekeeperReply.Records) log.read(upTo, 1 << 20)).entries()).isEqualTo(all.subList(11, 20));
        }
        assertThatThrownBy(() -> TimelineLog.open(dir, new TimelineState(id, 1, 0, 1 << 20, 0), 256))
                .hasMessageContaining("before its checkpoint");
    }

    @Test
    void readsNearTheEndFromMemoryMatchTheSegmentFiles() {
        List<WalEntry> fromMemory;
        Lsn from;
        Lsn end;
        try (TimelineLog log = TimelineLog.open(dir, new TimelineState(id, 1, 0, 0, 0), 4096)) {
            for (int i = 0; i < 60; i += 6) {
                log.append(new SafekeeperRequest.Append(id, 1, log.reply().endLsn(), payloads(i, i + 6)));
            }
            from = read(log).get(29).lsn();
            fromMemory = ((SafekeeperReply.Records) log.read(from, 1 << 20)).entries();
            end = log.reply().endLsn();
        }
        // reopened as after a restart from a snapshot at the end: nothing in memory, reads go to the files
        try (TimelineLog reopened = TimelineLog.open(dir, new TimelineState(id, 1, 0, end.value(), 0), 4096)) {
            List<WalEntry> fromFiles = ((SafekeeperReply.Records) reopened.read(from, 1 << 20)).entries();
            assertThat(fromMemory).hasSize(30).isEqualTo(fromFiles);
            for (int i = 0; i < 30; i++) {
                assertThat(fromMemory.get(i).record()).isEqualTo(record(30 + i));
            }
        }
    }

    @Test
    void readsFromTheSegmentFilesComeInChunksOfAboutMaxBytesAcrossSegments() {
        Lsn end;
        try (TimelineLog log = TimelineLog.open(dir, new TimelineState(id, 1, 0, 0, 0), 4096)) {
            for (int i = 0; i < 300; i += 10) {
                log.append(new SafekeeperRequest.Append(id, 1, log.reply().endLsn(), payloads(i, i + 10)));
            }
            end = log.reply().endLsn();
        }
        // nothing in memory after a reopen: every chunk is read from the files (300 records span several segments)
        try (TimelineLog reopened = TimelineLog.open(dir, new TimelineState(id, 1, 0, end.value(), 0), 4096)) {
            int maxBytes = 20 * WalRecordCodec.encode(record(100)).length;
            List<WalEntry> all = new ArrayList<>();
            Lsn from = Lsn.INVALID;
            while (from.isBefore(end)) {
                List<WalEntry> chunk = ((SafekeeperReply.Records) reopened.read(from, maxBytes)).entries();
                assertThat(chunk).isNotEmpty();
                // the chunk stops at the first record that reaches maxBytes
                int beforeLast = chunk.subList(0, chunk.size() - 1).stream()
                        .mapToInt(e -> WalRecordCodec.encode(e.record()).length).sum();
                assertThat(beforeLast).isLessThan(maxBytes);
                all.addAll(chunk);
                from = chunk.get(chunk.size() - 1).lsn();
            }
            assertThat(all).hasSize(300);
            for (int i = 0; i < 300; i++) {
                assertThat(all.get(i).record()).isEqualTo(record(i));
            }
        }
    }

    private static WalRecord record(int i) {
        return WalRecord.of(PagePatch.of(PageKey.main(1, i), 0, ("r" + i).getBytes(StandardCharsets.UTF_8)));
    }

    private static List<byte[]> payloads(int from, int to) {
        List<byte[]> list = new ArrayList<>();
        for (int i = from; i < to; i++) {
            list.add(WalRecordCodec.encode(record(i)));
        }
        return list;
    }

    private static List<WalEntry> read(TimelineLog log) {
        return ((SafekeeperReply.Records) log.read(Lsn.INVALID, 1 << 20)).entries();
    }
}
