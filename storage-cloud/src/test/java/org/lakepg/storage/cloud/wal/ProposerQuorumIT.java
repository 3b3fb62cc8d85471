package org.lakepg.storage.cloud.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lakepg.storage.cloud.wal.SafekeeperQuorumIT.assertChained;
import static org.lakepg.storage.cloud.wal.SafekeeperQuorumIT.readAll;
import static org.lakepg.storage.cloud.wal.SafekeeperQuorumIT.writeFlushed;
import static org.lakepg.storage.cloud.wal.WalTestRecords.record;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalEntry;
import org.lakepg.storage.WalReader;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.cloud.proposer.AcceptorReply;
import org.lakepg.storage.cloud.proposer.AcceptorTrio;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply;

/**
 * The compute as the WAL's proposer (docs/safekeepers.md), against three real safekeeper servers on loopback:
 * majority acknowledgement, fencing by a newer compute, members down and back, and a compute killed between a
 * minority and a majority acknowledgement.
 */
class ProposerQuorumIT {

    private static final int WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    private AcceptorTrio trio;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        trio = AcceptorTrio.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
        trio.close();
    }

    /** A compute's WAL service over the proposer protocol. */
    private SafekeeperWalService compute() {
        ProposerQuorum quorum = ProposerQuorum.connect(trio.addresses());
        SafekeeperWalService wal = new SafekeeperWalService(quorum, null, SafekeeperWalService.DEFAULT_ROUNDS_IN_FLIGHT);
        opened.add(quorum);
        opened.add(wal);
        return wal;
    }

    /** What the pageserver sees: committed WAL only. */
    private SafekeeperWalSource reader() {
        SafekeeperWalSource source = new SafekeeperWalSource(ProposerQuorum.connect(trio.addresses()));
        opened.add(source);
        return source;
    }

    private static List<WalEntry> readCommitted(SafekeeperWalSource source, TimelineId t) {
        List<WalEntry> all = new ArrayList<>();
        source.insertLsn(t);
        try (WalReader reader = source.read(t, Lsn.INVALID)) {
            reader.forEachRemaining(all::add);
        }
        return all;
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    private boolean memberHolds(int member, TimelineId t, Lsn lsn) {
        AcceptorReply.State s = trio.state(member, t);
        return s != null && s.flushLsn() >= lsn.value() && s.commitLsn() >= lsn.value();
    }

    @Test
    void acknowledgedRecordsAreOnAMajorityAndReadersSeeThemOnceCommitted() throws Exception {
        TimelineId t = TimelineId.random();
        SafekeeperWalService wal = compute();
        assertThat(wal.acquire(t, Lsn.INVALID)).isEqualTo(Lsn.INVALID);
        assertThat(wal.generation(t)).isEqualTo(1);
        writeFlushed(wal, t, 1, 0, 200);
        Lsn durable = wal.durableLsn(t);
        List<WalEntry> own = readAll(wal, t, Lsn.INVALID);
        assertThat(own).hasSize(200);
        assertChained(own, Lsn.INVALID);

        int holding = 0;
        for (int i = 0; i < 3; i++) {
            AcceptorReply.State s = trio.state(i, t);
            holding += s != null && s.flushLsn() >= durable.value() ? 1 : 0;
        }
        assertThat(holding).isGreaterThanOrEqualTo(2);
        waitFor("member 1 knows the commit LSN", () -> memberHolds(0, t, durable));
        assertThat(wal.client().status(t, trio.address(0)).endLsn()).isEqualTo(durable);

        SafekeeperWalSource pageserver = reader();
        waitFor("the members know the commit LSN", () -> pageserver.insertLsn(t).equals(durable));
        assertThat(readCommitted(pageserver, t)).isEqualTo(own);
    }

    @Test
    void aNewerComputeFencesTheOlderOneAndContinuesFromItsAcknowledgedEnd() throws Exception {
        TimelineId t = TimelineId.random();
        SafekeeperWalService a = compute();
        SafekeeperWalService b = compute();
        a.acquire(t, Lsn.INVALID);
        writeFlushed(a, t, 1, 0, 50);
        Lsn acknowledgedByA = a.durableLsn(t);
        Lsn unflushed = a.append(t, record(1, 50));

        assertThat(b.acquire(t, Lsn.INVALID)).isEqualTo(acknowledgedByA);
        assertThat(b.generation(t)).isEqualTo(2);

        CompletableFuture<Lsn> aFlush = a.flush(t, unflushed);
        assertThatThrownBy(() -> aFlush.get(WAIT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(GenerationFencedException.class)
                .hasMessageContaining("generation 1 is fenced");
        assertThatThrownBy(() -> a.append(t, record(1, 51))).isInstanceOf(GenerationFencedException.class);

        writeFlushed(b, t, 2, 0, 10);
        List<WalEntry> all = readAll(b, t, Lsn.INVALID);
        assertThat(all).hasSize(60);
        assertChained(all, Lsn.INVALID);
        assertThat(all.get(49).lsn()).isEqualTo(acknowledgedByA);
        assertThat(all.subList(50, 60)).allSatisfy(e -> assertThat(WalTestRecords.writer(e)).isEqualTo(2));

        SafekeeperWalService older = compute();
        assertThatThrownBy(() -> older.acquire(t, Lsn.INVALID, 2))
                .isInstanceOf(GenerationFencedException.class)
                .hasMessageContaining("generation 2 is not newer than generation 2");
    }

    @Test
    void oneMemberDownDoesNotStopCommitsAndCatchesUpWhenBack() throws Exception {
        TimelineId t = TimelineId.random();
        SafekeeperWalService wal = compute();
        wal.acquire(t, Lsn.INVALID);
        writeFlushed(wal, t, 1, 0, 20);
        trio.stop(2);
        writeFlushed(wal, t, 1, 20, 120);
        Lsn durable = wal.durableLsn(t);
        trio.restart(2);
        waitFor("the restarted member caught up", () -> memberHolds(2, t, durable));
        assertThat(trio.state(2, t).flushLsn()).isEqualTo(trio.state(0, t).flushLsn());
    }

    /**
     * Commits from many threads at once: every one is acknowledged, none is lost, each thread's records keep their
     * order, and a member's appends that arrived together shared an fsync (group fsync, AcceptorServer) — also
     * while a member dies half-way (the batches it had in flight are simply not answered).
     */
    @Test
    void concurrentCommitsShareFsyncsAreAllAcknowledgedAndKeepTheirOrderAlsoWhenAMemberDies() throws Exception {
        TimelineId t = TimelineId.random();
        ProposerQuorum quorum = ProposerQuorum.connect(trio.addresses());
        SafekeeperWalService wal = new SafekeeperWalService(quorum, null, 4); // pipelined rounds
        opened.add(quorum);
        opened.add(wal);
        wal.acquire(t, Lsn.INVALID);
        int writers = 8;
        int each = 150;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 1; w <= writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    writeFlushed(wal, t, writer, 0, each);
                    return null;
                }));
            }
            waitFor("member 3 took 100 appends", () -> appendsOf(2) >= 100);
            long appendsBeforeStop = appendsOf(2);
            long fsyncsBeforeStop = fsyncsOf(2);
            trio.stop(2);
            for (Future<?> f : done) {
                f.get(WAIT_SECONDS, TimeUnit.SECONDS); // every commit acknowledged, by the two members left
            }
            assertThat(fsyncsBeforeStop).isPositive().isLessThan(appendsBeforeStop);
            assertThat(fsyncsOf(0)).isPositive().isLessThan(appendsOf(0));
        } finally {
            pool.shutdownNow();
        }
        Lsn durable = wal.durableLsn(t);
        List<WalEntry> all = readAll(wal, t, Lsn.INVALID);
        assertThat(all).hasSize(writers * each);
        assertChained(all, Lsn.INVALID);
        int[] next = new int[writers + 1];
        for (WalEntry e : all) {
            int writer = WalTestRecords.writer(e);
            assertThat(WalTestRecords.sequence(e)).isEqualTo(next[writer]++);
        }
        waitFor("both remaining members hold everything", () -> memberHolds(0, t, durable) && memberHolds(1, t, durable));
        trio.restart(2);
        waitFor("the stopped member caught up", () -> memberHolds(2, t, durable));
        SafekeeperWalSource pageserver = reader();
        waitFor("the members know the commit LSN", () -> pageserver.insertLsn(t).equals(durable));
        assertThat(readCommitted(pageserver, t)).isEqualTo(all);
    }

    private long appendsOf(int member) {
        return Long.parseLong(trio.acceptor(member).metrics().asProperties().getOrDefault("hist.append_fsync.count", "0"));
    }

    private long fsyncsOf(int member) {
        return Long.parseLong(trio.acceptor(member).metrics().asProperties().getOrDefault("counter.append_fsyncs", "0"));
    }

    @Test
    void aDeletedTimelineLeavesEveryMemberThatAnswers() throws Exception {
        TimelineId dropped = TimelineId.random();
        TimelineId kept = TimelineId.random();
        SafekeeperWalService wal = compute();
        wal.acquire(dropped, Lsn.INVALID);
        wal.acquire(kept, Lsn.INVALID);
        writeFlushed(wal, dropped, 1, 0, 50);
        writeFlushed(wal, kept, 1, 0, 50);
        Lsn keptEnd = wal.durableLsn(kept);

        assertThat(wal.delete(dropped)).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(trio.state(i, dropped)).as("member %d", i).isNull();
            assertThat(trio.state(i, kept).flushLsn()).as("member %d", i).isEqualTo(keptEnd.value());
        }
        assertThat(wal.client().delete(dropped)).as("deleting again").isEqualTo(3);
        // a member that is down keeps its copy; the others delete theirs
        TimelineId another = TimelineId.random();
        wal.acquire(another, Lsn.INVALID);
        writeFlushed(wal, another, 1, 0, 10);
        trio.stop(2);
        assertThat(wal.delete(another)).isEqualTo(2);
        assertThat(trio.state(0, another)).isNull();
        trio.restart(2);
        assertThat(trio.state(2, another)).isNotNull();
    }

    @Test
    void withoutAMajorityCommitsWaitAndCompleteWhenAMemberReturns() throws Exception {
        TimelineId t = TimelineId.random();
        SafekeeperWalService wal = compute();
        wal.acquire(t, Lsn.INVALID);
        writeFlushed(wal, t, 1, 0, 10);
        trio.stop(1);
        trio.stop(2);
        Lsn waiting = wal.append(t, record(1, 10));
        CompletableFuture<Lsn> flush = wal.flush(t, waiting);
        assertThatThrownBy(() -> flush.get(2, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(wal.durableLsn(t)).isLessThan(waiting);

        trio.restart(1);
        assertThat(flush.get(WAIT_SECONDS, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(waiting);
        assertThat(readAll(wal, t, Lsn.INVALID)).hasSize(11);
    }

    /**
     * The compute dies after one member fsynced a record and before a second did: the record was never
     * acknowledged. While the member holding it stays away the next compute must not expose it, and when it comes
     * back its divergent tail is cut; every acknowledged record survives throughout.
     */
    @Test
    void aComputeKilledBetweenMinorityAndMajorityAcknowledgementLosesNothingAcknowledgedAndExposesNothingElse()
            throws Exception {
        TimelineId t = TimelineId.random();
        SafekeeperWalService first = compute();
        first.acquire(t, Lsn.INVALID);
        writeFlushed(first, t, 1, 0, 30);
        Lsn acknowledged = first.durableLsn(t);
        waitFor("every member holds the acknowledged records", () -> memberHolds(0, t, acknowledged)
                && memberHolds(1, t, acknowledged) && memberHolds(2, t, acknowledged));

        trio.stop(1);
        trio.stop(2);
        Lsn unacknowledged = first.append(t, record(1, 30));
        CompletableFuture<Lsn> flush = first.flush(t, unacknowledged);
        waitFor("member 1 fsynced the unacknowledged record", () -> trio.state(0, t).flushLsn() >= unacknowledged.value());
        assertThat(flush).isNotDone();
        // readers never see it: member 1 holds it, but it is not committed
        SafekeeperWalSource pageserver = reader();
        assertThat(pageserver.insertLsn(t)).isEqualTo(acknowledged);
        assertThat(readCommitted(pageserver, t)).hasSize(30);

        // the compute dies: its connections drop, nothing more is sent
        opened.remove(first);
        AutoCloseable firstQuorum = opened.remove(opened.size() - 1);
        firstQuorum.close();
        trio.stop(0);
        trio.restart(1);
        trio.restart(2);

        SafekeeperWalService second = compute();
        assertThat(second.acquire(t, Lsn.INVALID)).isEqualTo(acknowledged);
        List<WalEntry> seen = readAll(second, t, Lsn.INVALID);
        assertThat(seen).hasSize(30);
        assertThat(seen.get(29).lsn()).isEqualTo(acknowledged);
        writeFlushed(second, t, 2, 0, 5);
        Lsn after = second.durableLsn(t);

        // member 1 returns with the unacknowledged record: the new term cuts it and ships its own records instead
        trio.restart(0);
        waitFor("member 1 follows the new term", () -> memberHolds(0, t, after));
        assertThat(trio.state(0, t).flushLsn()).isEqualTo(after.value());
        List<WalEntry> all = readAll(second, t, Lsn.INVALID);
        assertThat(all).hasSize(35);
        assertChained(all, Lsn.INVALID);
        assertThat(all.subList(30, 35)).allSatisfy(e -> assertThat(WalTestRecords.writer(e)).isEqualTo(2));
        SafekeeperWalSource later = reader();
        assertThat(readCommitted(later, t)).isEqualTo(all);
    }

    /**
     * A member away while the others trimmed past its end (S3 holds that WAL) cannot be copied what it lacks: it
     * restarts its WAL where the others' begins and follows from there.
     */
    @Test
    void aMemberBehindTheTrimmedWalRestartsWhereTheOthersBegin() throws Exception {
        TimelineId t = TimelineId.random();
        SafekeeperWalService wal = compute();
        wal.acquire(t, Lsn.INVALID);
        writeFlushed(wal, t, 1, 0, 5);
        trio.stop(2);
        // more than one append's worth (a member that fell behind gets up to 4 MB in one append, one segment)
        for (int batch = 0; batch < 12; batch++) {
            List<WalRecord> records = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                records.add(WalRecord.of(PagePatch.of(PageKey.main(7, batch * 100 + i), 24, new byte[4000])));
            }
            List<Lsn> lsns = wal.appendAll(t, records);
            wal.flush(t, lsns.get(lsns.size() - 1)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        Lsn durable = wal.durableLsn(t);
        waitFor("both members know the commit LSN", () -> memberHolds(0, t, durable) && memberHolds(1, t, durable));
        wal.client().trim(t, durable);
        Lsn member3Has = Lsn.of(trio.state(0, t).startLsn() + 5_000); // five small records
        assertThat(trio.state(0, t).walStart()).isGreaterThan(member3Has.value());
        assertThat(trio.state(1, t).walStart()).isGreaterThan(member3Has.value());

        // a new compute: the records the member lacks are in no proposer's memory either
        SafekeeperWalService next = compute();
        assertThat(next.acquire(t, Lsn.INVALID)).isEqualTo(durable);
        wal.client().close(); // else the old compute, still in term 1 there, would ship its records to member 3
        trio.restart(2);
        writeFlushed(next, t, 2, 0, 5);
        Lsn after = next.durableLsn(t);
        waitFor("the member that was away follows again", () -> memberHolds(2, t, after));
        assertThat(trio.state(2, t).walStart()).isGreaterThan(trio.state(2, t).startLsn());
        SafekeeperReply.Records tail = next.client().readChunk(t, Lsn.of(trio.state(2, t).walStart()), 8 << 20,
                trio.address(2));
        assertThat(tail.frames()).isNotEmpty();
        assertThat(tail.frames().get(tail.frames().size() - 1).lsn()).isEqualTo(after.value());
    }

    @Test
    void everythingAcknowledgedSurvivesRestartingEveryMember() throws Exception {
        TimelineId t = TimelineId.random();
        SafekeeperWalService first = compute();
        first.acquire(t, Lsn.INVALID);
        writeFlushed(first, t, 1, 0, 40);
        Lsn acknowledged = first.durableLsn(t);
        for (int i = 0; i < 3; i++) {
            trio.restart(i);
        }
        SafekeeperWalService second = compute();
        assertThat(second.acquire(t, Lsn.INVALID)).isEqualTo(acknowledged);
        assertThat(readAll(second, t, Lsn.INVALID)).hasSize(40);
        assertThatThrownBy(() -> first.flush(t, first.append(t, record(1, 40))).get(WAIT_SECONDS, TimeUnit.SECONDS))
                .hasCauseInstanceOf(GenerationFencedException.class);
    }
}
