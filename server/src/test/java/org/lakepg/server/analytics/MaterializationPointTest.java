package org.lakepg.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lakepg.server.access.heap.HeapOptions;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.testing.AccessFixture;
import org.lakepg.server.access.testing.InMemoryStorage;
import org.lakepg.server.txn.Transaction;
import org.lakepg.server.txn.XidStatus;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalReader;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.WalService;

/**
 * The refresh race behind AnalyticsRoutingIT's stale export: a commit logs its record, waits for the flush, and only
 * then leaves the running set. A materialization labelled with an LSN at or past that record must see the transaction
 * finished; otherwise no later LSN change would ever trigger the refresh that picks its rows up.
 */
@Timeout(60)
class MaterializationPointTest {

    /** Forwards to the store; while {@link #hold} is set, flushes complete only in {@link #release}. */
    private static final class HoldingWal implements WalService {
        final InMemoryStorage store;
        volatile boolean hold;
        volatile Lsn heldFlush;
        private final List<Runnable> held = new java.util.concurrent.CopyOnWriteArrayList<>();

        HoldingWal(InMemoryStorage store) {
            this.store = store;
        }

        @Override
        public Lsn append(TimelineId t, WalRecord r) {
            return store.append(t, r);
        }

        @Override
        public List<Lsn> appendAll(TimelineId t, List<WalRecord> rs) {
            return rs.stream().map(r -> append(t, r)).toList();
        }

        @Override
        public CompletableFuture<Lsn> flush(TimelineId t, Lsn upTo) {
            if (!hold) {
                return store.flush(t, upTo);
            }
            CompletableFuture<Lsn> later = new CompletableFuture<>();
            held.add(() -> later.complete(store.flush(t, upTo).join()));
            heldFlush = upTo;
            return later;
        }

        void release() {
            hold = false;
            held.forEach(Runnable::run);
            held.clear();
        }

        @Override
        public Lsn durableLsn(TimelineId t) {
            return store.durableLsn(t);
        }

        @Override
        public Lsn insertLsn(TimelineId t) {
            return store.insertLsn(t);
        }

        @Override
        public WalReader read(TimelineId t, Lsn from) {
            return store.read(t, from);
        }
    }

    @Test
    void aCommitWaitingForItsFlushIsSeenFinishedByAPointPastItsRecord() throws Exception {
        InMemoryStorage store = new InMemoryStorage();
        HoldingWal wal = new HoldingWal(store);
        AccessFixture f = new AccessFixture(wal, store, store.timeline(), 64);
        HeapRelation heap = HeapRelation.create(f.ctx, 16384, "t", HeapOptions.defaults(0));
        Transaction writer = f.txns().begin();
        heap.insert(writer, new byte[] {1});
        long xid = writer.topXid();

        wal.hold = true;
        CompletableFuture<Void> commit = CompletableFuture.runAsync(writer::commit);
        while (wal.heldFlush == null) {
            Thread.sleep(1); // the commit record is logged and stamped; the xid is still running
        }
        Lsn commitLsn = wal.heldFlush;
        assertThat(f.txns().status(xid)).isEqualTo(XidStatus.COMMITTED);
        assertThat(f.txns().isRunning(xid)).isTrue();
        assertThat(AnalyticsService.latestLsn(f.ctx).isBefore(commitLsn)).isFalse();

        CompletableFuture<MaterializationPoint> taking = CompletableFuture.supplyAsync(
                () -> MaterializationPoint.take(f.ctx));
        Thread.sleep(200); // long enough for a point taken without waiting to be returned
        wal.release();
        commit.get(10, TimeUnit.SECONDS);
        MaterializationPoint point = taking.get(10, TimeUnit.SECONDS);
        try {
            assertThat(point.lsn().isBefore(commitLsn)).isFalse();
            assertThat(point.transaction().snapshot().isRunning(xid))
                    .as("a point at %s past the commit record %s must see xid %d finished", point.lsn(), commitLsn, xid)
                    .isFalse();
        } finally {
            point.transaction().rollback();
        }
    }

    @Test
    void aTransactionStillRunningIsSeenRunningAndCommitsAboveThePoint() {
        AccessFixture f = AccessFixture.inMemory(64);
        HeapRelation heap = HeapRelation.create(f.ctx, 16384, "t", HeapOptions.defaults(0));
        Transaction writer = f.txns().begin();
        heap.insert(writer, new byte[] {1});
        long xid = writer.topXid();

        MaterializationPoint point = MaterializationPoint.take(f.ctx); // does not wait for a transaction that runs on
        try {
            assertThat(point.transaction().snapshot().isRunning(xid)).isTrue();
            writer.commit();
            // the commit moves the compute's LSN past the point: the refresher sees there is something to refresh
            assertThat(point.lsn().isBefore(AnalyticsService.latestLsn(f.ctx))).isTrue();
        } finally {
            point.transaction().rollback();
        }
    }
}
