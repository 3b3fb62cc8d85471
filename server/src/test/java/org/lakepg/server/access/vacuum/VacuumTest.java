package org.lakepg.server.access.vacuum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.lakepg.server.access.btree.BTreeIndex;
import org.lakepg.server.access.btree.IndexEntry;
import org.lakepg.server.access.btree.KeyComparator;
import org.lakepg.server.access.btree.KeyEncoding;
import org.lakepg.server.access.btree.ScanBound;
import org.lakepg.server.access.heap.HeapOptions;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.HeapTuple;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.access.heap.WriteResult;
import org.lakepg.server.access.page.Bytes;
import org.lakepg.server.access.testing.AccessFixture;
import org.lakepg.server.access.verify.Verifier;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;
import org.lakepg.server.txn.WaitPolicy;
import org.junit.jupiter.api.Test;

class VacuumTest {

    /** Rows [id:8][value:8][padding]; one index on id. */
    static final class Table {
        final HeapRelation heap;
        final BTreeIndex index;

        Table(AccessFixture f, boolean create) {
            heap = create ? HeapRelation.create(f.ctx, 16384, "t", new HeapOptions(90, 16385))
                    : HeapRelation.open(f.ctx, 16384, "t", new HeapOptions(90, 16385));
            index = create ? BTreeIndex.create(f.ctx, 16386, "t_id", KeyComparator.BYTEWISE)
                    : BTreeIndex.open(f.ctx, 16386, "t_id", KeyComparator.BYTEWISE);
        }

        static byte[] row(long id, long value, int padding) {
            byte[] row = new byte[16 + padding];
            Bytes.i64(row, 0, id);
            Bytes.i64(row, 8, value);
            return row;
        }

        static byte[] keyOf(byte[] payload) {
            return KeyEncoding.key().addLong(Bytes.i64(payload, 0)).build();
        }

        void insert(Transaction txn, long id, long value, int padding) {
            byte[] row = row(id, value, padding);
            Tid tid = heap.insert(txn, row);
            index.insert(txn, keyOf(row), tid, null);
        }

        Optional<HeapTuple> find(Transaction txn, long id) {
            byte[] key = KeyEncoding.key().addLong(id).build();
            // the snapshot first: the scan copies index entries as soon as it is created, and an entry added by a
            // transaction that commits before a later snapshot would be missing from that copy
            Snapshot snapshot = txn.snapshot();
            var it = index.scan(ScanBound.inclusive(key), ScanBound.inclusive(key), true);
            while (it.hasNext()) {
                IndexEntry e = it.next();
                Optional<HeapTuple> t = heap.fetchThroughChain(snapshot, e.tid());
                if (t.isPresent() && Bytes.i64(t.get().payload(), 0) == id) {
                    return t;
                }
            }
            return Optional.empty();
        }

        void update(Transaction txn, long id, long value, int padding, boolean hot) {
            HeapTuple t = find(txn, id).orElseThrow();
            byte[] row = row(id, value, padding);
            WriteResult r = heap.update(txn, t.tid(), row, hot, WaitPolicy.BLOCK);
            Tid tid = ((WriteResult.Ok) r).tid();
            if (!heap.isHeapOnly(tid)) {
                index.insert(txn, keyOf(row), tid, null);
            }
        }

        void delete(Transaction txn, long id) {
            heap.delete(txn, find(txn, id).orElseThrow().tid(), WaitPolicy.BLOCK);
        }

        List<String> verify() {
            return Verifier.verify(heap, List.of(new Verifier.IndexKey(index, Table::keyOf)));
        }

        long indexEntries() {
            long n = 0;
            var it = index.entries();
            while (it.hasNext()) {
                it.next();
                n++;
            }
            return n;
        }
    }

    @Test
    void repeatedUpdatesAndDeletesKeepTheTableAndIndexBoundedWhenVacuumed() {
        AccessFixture f = AccessFixture.inMemory(64);
        Table table = new Table(f, true);
        Map<Long, Long> model = new HashMap<>();
        Transaction load = f.txns().begin();
        for (long id = 0; id < 2000; id++) {
            table.insert(load, id, 0, 40);
            model.put(id, 0L);
        }
        load.commit();
        Random random = new Random(1);
        List<Integer> heapSizes = new ArrayList<>();
        List<Integer> indexSizes = new ArrayList<>();
        long nextId = 2000;
        for (int round = 1; round <= 16; round++) {
            Map<Long, Long> before = new HashMap<>(model);
            Transaction t = f.txns().begin();
            for (long id : new ArrayList<>(model.keySet())) {
                t.startStatement();
                int action = random.nextInt(10);
                if (action == 0) {
                    table.delete(t, id);
                    model.remove(id);
                    table.insert(t, nextId, round, 40);
                    model.put(nextId++, (long) round);
                } else {
                    // a big value now and then goes out of line and must be reclaimed with its row
                    int padding = action == 1 ? 3000 : 40;
                    table.update(t, id, round, padding, action > 4);
                    model.put(id, (long) round);
                }
            }
            if (round % 4 == 0) {
                t.rollback(); // aborted versions must be reclaimed too
                model.clear();
                model.putAll(before);
                continue;
            }
            t.commit();
            Vacuum.Result result = Vacuum.run(table.heap, List.of(table.index));
            assertThat(result.removedTuples()).isGreaterThan(0);
            assertThat(table.verify()).isEmpty();
            assertThat(table.indexEntries()).isEqualTo(model.size());
            heapSizes.add(table.heap.blockCount());
            indexSizes.add(table.index.blockCount());
        }
        // model values: rolled-back rounds restored the previous values; check the content
        Transaction r = f.txns().begin();
        Map<Long, Long> seen = new HashMap<>();
        table.heap.scan(r.snapshot()).forEachRemaining(tuple ->
                seen.put(Bytes.i64(tuple.payload(), 0), Bytes.i64(tuple.payload(), 8)));
        assertThat(seen).isEqualTo(model);
        // sizes stop growing once vacuum reclaims as fast as updates create versions
        System.out.println("heap blocks per round " + heapSizes + ", index blocks " + indexSizes);
        // without vacuum every round would add ~25 pages (2000 new versions); with it growth levels off. The index
        // grows slowly because emptied leaf pages are not recycled yet (ids move right as rows are re-inserted)
        int half = heapSizes.size() / 2;
        assertThat(heapSizes.getLast()).isLessThanOrEqualTo(heapSizes.get(half - 1) * 5 / 4);
        assertThat(indexSizes.getLast()).isLessThanOrEqualTo(indexSizes.getFirst() * 4);
        // a restarted compute agrees
        AccessFixture restarted = f.restart();
        assertThat(new Table(restarted, false).verify()).isEmpty();
    }

    @Test
    void vacuumKeepsVersionsThatARunningSnapshotStillSees() {
        AccessFixture f = AccessFixture.inMemory(64);
        Table table = new Table(f, true);
        Transaction load = f.txns().begin();
        table.insert(load, 1, 10, 0);
        load.commit();
        Transaction old = f.txns().begin(org.lakepg.server.txn.IsolationLevel.REPEATABLE_READ);
        old.startStatement();
        Transaction writer = f.txns().begin();
        table.update(writer, 1, 20, 0, true);
        writer.commit();
        assertThat(Vacuum.run(table.heap, List.of(table.index)).removedTuples()).isZero();
        assertThat(table.find(old, 1).map(t -> Bytes.i64(t.payload(), 8))).contains(10L);
        old.commit();
        assertThat(Vacuum.run(table.heap, List.of(table.index)).removedTuples()).isEqualTo(1);
        Transaction now = f.txns().begin();
        assertThat(table.find(now, 1).map(t -> Bytes.i64(t.payload(), 8))).contains(20L);
        assertThat(table.verify()).isEmpty();
    }

    @Test
    void autovacuumRunsWhenDeadVersionsPassTheThreshold() throws Exception {
        AccessFixture f = AccessFixture.inMemory(64);
        Table table = new Table(f, true);
        try (AutoVacuum auto = AutoVacuum.withPostgresDefaults(20)) {
            auto.register(new AutoVacuum.Table(table.heap, () -> List.of(table.index)));
            Transaction load = f.txns().begin();
            for (long id = 0; id < 100; id++) {
                table.insert(load, id, 0, 0);
            }
            load.commit();
            Thread.sleep(100);
            assertThat(auto.runs()).isZero(); // 0 dead < 50 + 0.2 * 100
            Transaction t = f.txns().begin();
            for (long id = 0; id < 100; id++) {
                t.startStatement();
                table.update(t, id, 1, 0, true);
            }
            t.commit();
            long deadline = System.currentTimeMillis() + 5000;
            while (auto.runs() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(auto.runs()).isPositive();
        }
        assertThat(table.verify()).isEmpty();
    }
}
