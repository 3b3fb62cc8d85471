package org.lakepg.storage.cloud.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lakepg.storage.cloud.wal.WalTestRecords.record;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalEntry;
import org.lakepg.storage.WalReader;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.WalRecordCodec;
import org.lakepg.storage.cloud.safekeeper.SafekeeperQuorum;

/** The compute's WAL on three real safekeepers (Ratis servers on loopback): ordering, failures, restarts, trim. */
class SafekeeperQuorumIT {

    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    /** Pipelined (3 rounds in flight) so the order in which rounds reach the Raft log is tested too. */
    @Test
    void concurrentFlushesFromEightThreadsAreReadBackInOrder() throws Exception {
        int threads = 8;
        int perThread = 150;
        TimelineId t = TimelineId.random();
        List<WalEntry> seenByListener = java.util.Collections.synchronizedList(new ArrayList<>());
        try (SafekeeperQuorum quorum = SafekeeperQuorum.start(dir);
                SafekeeperWalService wal = SafekeeperWalService.connect(quorum.addresses(),
                        (timeline, entries) -> seenByListener.addAll(entries), 3)) {
            assertThat(wal.acquire(t, Lsn.INVALID)).isEqualTo(Lsn.INVALID);
            Map<Lsn, WalRecord> acknowledged = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        WalRecord r = record(writer, i);
                        Lsn lsn = wal.append(t, r);
                        Lsn durable = wal.flush(t, lsn).get(WAIT_SECONDS, TimeUnit.SECONDS);
                        assertThat(durable).isGreaterThanOrEqualTo(lsn);
                        acknowledged.put(lsn, r);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            assertThat(wal.rounds(t)).as("group commit: flushes share quorum rounds").isLessThan(threads * perThread);

            try (SafekeeperWalService other = SafekeeperWalService.connect(quorum.addresses())) {
                List<WalEntry> all = readAll(other, t, Lsn.INVALID);
                assertThat(all).hasSize(threads * perThread);
                assertChained(all, Lsn.INVALID);
                int[] next = new int[threads];
                for (WalEntry e : all) {
                    assertThat(e.record()).isEqualTo(acknowledged.get(e.lsn()));
                    int writer = WalTestRecords.writer(e);
                    assertThat(WalTestRecords.sequence(e)).isEqualTo(next[writer]++);
                }
                assertThat(other.durableLsn(t)).isEqualTo(wal.durableLsn(t));
                assertThat(seenByListener).as("the append listener saw every append, in LSN order").isEqualTo(all);
            }
        }
    }

    @Test
    void flushesCompleteWithOneOfThreeDownAndTheRestartedMemberCatchesUp() throws Exception {
        TimelineId t = TimelineId.random();
        try (SafekeeperQuorum quorum = SafekeeperQuorum.start(dir, 3, 16, 64 * 1024);
                SafekeeperWalService wal = SafekeeperWalService.connect(quorum.addresses())) {
            wal.acquire(t, Lsn.INVALID);
            writeFlushed(wal, t, 0, 0, 40);
            int leader = leader(quorum);
            quorum.stop(leader);
            writeFlushed(wal, t, 0, 40, 80);
            Lsn durable = wal.durableLsn(t);
            quorum.restart(leader);
            waitUntilCaughtUp(quorum, leader, t, durable);
            assertThat(wal.client().status(t, quorum.address(leader)).endLsn()).isEqualTo(durable);
            List<WalEntry> all = readAll(wal, t, Lsn.INVALID);
            assertThat(all).hasSize(80);
            assertChained(all, Lsn.INVALID);
        }
    }

    @Test
    void withTwoOfThreeDownAFlushWaitsUntilOneReturnsAndLosesNothing() throws Exception {
        TimelineId t = TimelineId.random();
        try (SafekeeperQuorum quorum = SafekeeperQuorum.start(dir);
                SafekeeperWalService wal = SafekeeperWalService.connect(quorum.addresses())) {
            wal.acquire(t, Lsn.INVALID);
            writeFlushed(wal, t, 0, 0, 20);
            quorum.stop(1);
            quorum.stop(2);
            Lsn lsn = wal.append(t, record(0, 20));
            CompletableFuture<Lsn> flush = wal.flush(t, lsn);
            Thread.sleep(3000);
            assertThat(flush).as("no majority: the flush must not be acknowledged").isNotDone();
            assertThat(wal.durableLsn(t)).isLessThan(lsn);
            // the surviving member still serves the committed WAL it has
            // (a follower may have applied a little less than the leader had: a prefix of the committed records)
            List<WalEntry> survivor = wal.client().readChunk(t, Lsn.INVALID, 1 << 20, quorum.address(0)).entries();
            assertThat(survivor).isNotEmpty().hasSizeLessThanOrEqualTo(20);
            for (int i = 0; i < survivor.size(); i++) {
                assertThat(survivor.get(i).record()).isEqualTo(record(0, i));
            }
            // and a reader that is not the writer (the pageserver, a new compute) still reads without a quorum
            try (SafekeeperWalService reader = SafekeeperWalService.connect(quorum.addresses())) {
                List<WalEntry> read = readAll(reader, t, Lsn.INVALID);
                assertThat(read).isNotEmpty().hasSizeLessThanOrEqualTo(20);
                assertThat(read.get(read.size() - 1).record()).isEqualTo(record(0, read.size() - 1));
            }
            quorum.restart(2);
            assertThat(flush.get(WAIT_SECONDS, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(lsn);
            quorum.restart(1);
            try (SafekeeperWalService other = SafekeeperWalService.connect(quorum.addresses())) {
                List<WalEntry> all = readAll(other, t, Lsn.INVALID);
                assertThat(all).hasSize(21);
                assertThat(all.get(20).lsn()).isEqualTo(lsn);
            }
        }
    }

    private static boolean trimmedRangeStillReadable(SafekeeperWalService wal, TimelineId t) {
        try {
            readAll(wal, t, Lsn.INVALID);
            return true;
        } catch (StorageException e) {
            return false;
        }
    }

    @Test
    void membersRestartFromSnapshotsAndTrimRemovesOldWal() throws Exception {
        TimelineId t = TimelineId.random();
        List<WalEntry> written;
        try (SafekeeperQuorum quorum = SafekeeperQuorum.start(dir, 3, 16, 8 * 1024)) {
            try (SafekeeperWalService wal = SafekeeperWalService.connect(quorum.addresses())) {
                wal.acquire(t, Lsn.INVALID);
                for (int batch = 0; batch < 60; batch++) {
                    writeFlushed(wal, t, 1, batch * 5, batch * 5 + 5);
                }
                written = readAll(wal, t, Lsn.INVALID);
                assertThat(written).hasSize(300);
            }
            for (int i = 0; i < quorum.size(); i++) {
                quorum.stop(i);
            }
            for (int i = 0; i < quorum.size(); i++) {
                quorum.restart(i);
            }
            try (SafekeeperWalService wal = SafekeeperWalService.connect(quorum.addresses())) {
                assertThat(readAll(wal, t, Lsn.INVALID)).isEqualTo(written);
                Lsn end = written.get(written.size() - 1).lsn();
                assertThat(wal.acquire(t, Lsn.INVALID)).isEqualTo(end);
                assertThat(wal.generation(t)).isEqualTo(2);
                writeFlushed(wal, t, 2, 0, 10);

                Lsn upTo = written.get(200).lsn();
                wal.trim(t, upTo);
                // a read the slow leader does not answer in time goes to the members, one of which may not have
                // applied the trim yet (its WAL is still valid): the trimmed range disappears once all have applied it
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (System.nanoTime() < deadline && trimmedRangeStillReadable(wal, t)) {
                    Thread.sleep(200);
                }
                assertThatThrownBy(() -> readAll(wal, t, Lsn.INVALID))
                        .isInstanceOf(StorageException.class)
                        .satisfies(e -> assertThat(((StorageException) e).reason()).isEqualTo(StorageException.Reason.NOT_FOUND));
                List<WalEntry> rest = readAll(wal, t, upTo);
                assertThat(rest).hasSize(99 + 10);
                assertThat(rest.subList(0, 99)).isEqualTo(written.subList(201, 300));
                for (int i = 0; i < quorum.size(); i++) {
                    assertThat(quorum.server(i).timelineState(t)).isNotNull();
                }
            }
        }
    }

    @Test
    void aDeletedTimelineLeavesEveryMemberAndStaysGoneAfterRestarts() throws Exception {
        TimelineId dropped = TimelineId.random();
        TimelineId kept = TimelineId.random();
        try (SafekeeperQuorum quorum = SafekeeperQuorum.start(dir, 3, 16, 8 * 1024)) {
            List<WalEntry> keptWritten;
            try (SafekeeperWalService wal = SafekeeperWalService.connect(quorum.addresses())) {
                wal.acquire(dropped, Lsn.INVALID);
                wal.acquire(kept, Lsn.INVALID);
                writeFlushed(wal, dropped, 1, 0, 40); // with snapshots every 16 entries, some name the timeline
                writeFlushed(wal, kept, 1, 0, 40);
                assertThat(wal.delete(dropped)).isEqualTo(3);
                writeFlushed(wal, kept, 1, 40, 60);
                keptWritten = readAll(wal, kept, Lsn.INVALID);
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline && !goneEverywhere(quorum, dropped)) {
                Thread.sleep(200);
            }
            assertThat(goneEverywhere(quorum, dropped)).as("every member applied the delete").isTrue();
            for (int i = 0; i < quorum.size(); i++) {
                quorum.stop(i);
            }
            for (int i = 0; i < quorum.size(); i++) {
                quorum.restart(i);
            }
            try (SafekeeperWalService wal = SafekeeperWalService.connect(quorum.addresses())) {
                assertThat(readAll(wal, kept, Lsn.INVALID)).isEqualTo(keptWritten);
                assertThat(goneEverywhere(quorum, dropped)).as("still gone after restarts").isTrue();
            }
        }
    }

    private static boolean goneEverywhere(SafekeeperQuorum quorum, TimelineId t) {
        for (int i = 0; i < quorum.size(); i++) {
            if (quorum.server(i).timelineState(t) != null) {
                return false;
            }
        }
        return true;
    }

    static void writeFlushed(SafekeeperWalService wal, TimelineId t, int writer, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            Lsn lsn = wal.append(t, record(writer, i));
            assertThat(wal.flush(t, lsn).get(WAIT_SECONDS, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(lsn);
        }
    }

    static List<WalEntry> readAll(SafekeeperWalService wal, TimelineId t, Lsn from) {
        List<WalEntry> all = new ArrayList<>();
        try (WalReader reader = wal.read(t, from)) {
            reader.forEachRemaining(all::add);
        }
        return all;
    }

    /** Every LSN is the previous one + frame overhead + the record's encoded length, as the SPI says. */
    static void assertChained(List<WalEntry> entries, Lsn start) {
        Lsn previous = start;
        for (WalEntry e : entries) {
            assertThat(e.lsn()).isEqualTo(WalRecordCodec.lsnAfter(previous, WalRecordCodec.encode(e.record())));
            previous = e.lsn();
        }
    }

    static int leader(SafekeeperQuorum quorum) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < quorum.size(); i++) {
                if (quorum.server(i) != null && quorum.server(i).isLeader()) {
                    return i;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no safekeeper became leader");
    }

    static void waitUntilCaughtUp(SafekeeperQuorum quorum, int member, TimelineId t, Lsn durable) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            var state = quorum.server(member).timelineState(t);
            if (state != null && !state.endLsn().isBefore(durable)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("safekeeper " + member + " did not catch up to " + durable);
    }
}
