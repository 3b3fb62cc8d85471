package org.lakepg.server.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.lakepg.server.access.heap.HeapOptions;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.testing.AccessFixture;
import org.lakepg.server.access.testing.InMemoryStorage;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalReader;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.WalService;
import org.lakepg.storage.TransactionMarker;
import org.junit.jupiter.api.Test;

class SynchronousCommitTest {

    /** Records which LSNs commits waited for; everything else goes to the real store. */
    private static final class FlushRecordingWal implements WalService {
        final InMemoryStorage store;
        final List<Lsn> flushed = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<Lsn> commitMarkers = new ArrayList<>();
        /** While set, flushes are held: they complete only in {@link #release()} and durableLsn stands still. */
        volatile boolean hold;
        volatile Lsn heldDurable;
        final List<Runnable> held = new java.util.concurrent.CopyOnWriteArrayList<>();

        FlushRecordingWal(InMemoryStorage store) {
            this.store = store;
        }

        @Override
        public Lsn append(TimelineId t, WalRecord r) {
            Lsn lsn = store.append(t, r);
            if (r.marker() != null && r.marker().kind() == TransactionMarker.Kind.COMMIT) {
                commitMarkers.add(lsn);
            }
            return lsn;
        }

        @Override
        public List<Lsn> appendAll(TimelineId t, List<WalRecord> rs) {
            return rs.stream().map(r -> append(t, r)).toList();
        }

        @Override
        public CompletableFuture<Lsn> flush(TimelineId t, Lsn upTo) {
            CompletableFuture<Lsn> later;
            synchronized (this) {
                // held before it is recorded: a test that saw the flush and then releases must release this one too
                if (!hold) {
                    flushed.add(upTo);
                    return store.flush(t, upTo);
                }
                later = new CompletableFuture<>();
                held.add(() -> later.complete(store.flush(t, upTo).join()));
                flushed.add(upTo);
            }
            return later;
        }

        void holdFlushes() {
            heldDurable = store.durableLsn(store.timeline());
            hold = true;
        }

        void release() {
            List<Runnable> toRun;
            synchronized (this) {
                hold = false;
                toRun = List.copyOf(held);
                held.clear();
            }
            toRun.forEach(Runnable::run);
        }

        @Override
        public Lsn durableLsn(TimelineId t) {
            return hold ? heldDurable : store.durableLsn(t);
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
    void aCommitWaitsForItsRecordUnlessSynchronousCommitIsOff() {
        InMemoryStorage store = new InMemoryStorage();
        FlushRecordingWal wal = new FlushRecordingWal(store);
        AccessFixture f = new AccessFixture(wal, store, store.timeline(), 32);
        HeapRelation heap = HeapRelation.create(f.ctx, 16384, "t", HeapOptions.defaults(0));

        Transaction on = f.txns().begin();
        heap.insert(on, new byte[] {1});
        on.commit();
        assertThat(wal.flushed).containsExactly(wal.commitMarkers.getLast());

        wal.holdFlushes(); // a commit that waited for its flush would never return
        Transaction off = f.txns().begin();
        off.setSynchronousCommit(false);
        heap.insert(off, new byte[] {2});
        off.commit();
        assertThat(wal.commitMarkers).hasSize(2);
        // asked for in the background (PostgreSQL's WAL writer), not waited for
        awaitFlushes(wal, 2);
        assertThat(wal.flushed).hasSize(2).last().isEqualTo(wal.commitMarkers.getLast());

        f.txns().setSynchronousCommit(false);
        Transaction defaultOff = f.txns().begin();
        heap.insert(defaultOff, new byte[] {3});
        defaultOff.commit(); // returns although the WAL writer is still stuck on the held flush
        wal.release();
        awaitFlushes(wal, 3);
        assertThat(wal.flushed).hasSize(3).last().isEqualTo(wal.commitMarkers.getLast());

        Transaction readOnly = f.txns().begin();
        readOnly.snapshot();
        readOnly.commit();
        assertThat(wal.commitMarkers).hasSize(3); // a transaction that wrote nothing logs nothing
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void anAsynchronousCommitIsVisibleAtOnceButHintedCommittedOnlyOnceItsRecordIsDurable() {
        InMemoryStorage store = new InMemoryStorage();
        FlushRecordingWal wal = new FlushRecordingWal(store);
        AccessFixture f = new AccessFixture(wal, store, store.timeline(), 32);
        HeapRelation heap = HeapRelation.create(f.ctx, 16384, "t", HeapOptions.defaults(0));
        wal.holdFlushes();
        Transaction off = f.txns().begin();
        off.setSynchronousCommit(false);
        heap.insert(off, new byte[] {7});
        off.commit();

        Transaction reader = f.txns().begin();
        assertThat(count(heap, reader)).isEqualTo(1); // committed, so visible, durable or not
        assertThat(xminHinted(f)).isFalse();

        awaitFlushes(wal, 1);
        wal.release();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!f.txns().commitDurable(off.topXid()) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        Transaction later = f.txns().begin();
        assertThat(count(heap, later)).isEqualTo(1);
        assertThat(xminHinted(f)).isTrue();
    }

    private static void awaitFlushes(FlushRecordingWal wal, int n) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (wal.flushed.size() < n && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private static int count(HeapRelation heap, Transaction txn) {
        int[] n = {0};
        heap.scan(txn.snapshot()).forEachRemaining(t -> n[0]++);
        return n[0];
    }

    private static boolean xminHinted(AccessFixture f) {
        try (var page = f.ctx.cache().pinShared(org.lakepg.storage.PageKey.main(16384, 0))) {
            int t = org.lakepg.server.access.page.SlottedPage.itemOffset(page.data(), 1);
            return (org.lakepg.server.access.heap.TupleHeader.infomask(page.data(), t)
                    & org.lakepg.server.access.heap.TupleHeader.XMIN_COMMITTED) != 0;
        }
    }
}
