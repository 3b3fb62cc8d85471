package org.lakepg.server.access.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.lakepg.server.access.testing.AccessFixture;
import org.lakepg.server.txn.IsolationLevel;
import org.lakepg.server.txn.Transaction;
import org.lakepg.server.txn.WaitPolicy;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.junit.jupiter.api.Test;

class HeapRelationTest {

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> rows(HeapRelation heap, Transaction txn) {
        List<String> out = new ArrayList<>();
        heap.scan(txn.snapshot()).forEachRemaining(t -> out.add(new String(t.payload(), StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void insertedRowsAreVisibleToTheirTransactionAndToOthersOnlyAfterCommit() {
        AccessFixture f = AccessFixture.inMemory(64);
        HeapRelation heap = HeapRelation.create(f.ctx, 16384, "t", HeapOptions.defaults(16385));
        Transaction writer = f.txns().begin();
        writer.startStatement();
        Tid tid = heap.insert(writer, text("a"));
        Transaction reader = f.txns().begin();
        reader.startStatement();
        assertThat(rows(heap, reader)).isEmpty();
        writer.startStatement();
        assertThat(rows(heap, writer)).containsExactly("a");
        writer.commit();
        assertThat(rows(heap, reader)).isEmpty(); // same statement snapshot
        reader.startStatement();
        assertThat(rows(heap, reader)).containsExactly("a");
        assertThat(heap.fetch(reader.snapshot(), tid)).isPresent();
    }

    @Test
    void aStatementDoesNotSeeItsOwnInsertsButTheNextOneDoes() {
        AccessFixture f = AccessFixture.inMemory(64);
        HeapRelation heap = HeapRelation.create(f.ctx, 16384, "t", HeapOptions.defaults(0));
        Transaction txn = f.txns().begin();
        txn.startStatement();
        heap.insert(txn, text("x"));
        assertThat(rows(heap, txn)).isEmpty();
        txn.startStatement();
        assertThat(rows(heap, txn)).containsExactly("x");
        txn.rollback();
        Transaction other = f.txns().begin();
        assertThat(rows(heap, other)).isEmpty();
    }

    @Test
    void hotUpdatesStayOnThePageAndFollowTheChain() {
        AccessFixture f = AccessFixture.inMemory(64);
        HeapRelation heap = HeapRelation.create(f.ctx, 16384, "t", new HeapOptions(70, 0));
        Transaction t1 = f.txns().begin();
        t1.startStatement();
        Tid root = heap.insert(t1, text("v0"));
        t1.commit();
        Tid current = root;
        for (int i = 1; i <= 5; i++) {
            Transaction t = f.txns().begin();
            t.startStatement();
            WriteResult r = heap.update(t, current, text("v" + i), true, WaitPolicy.BLOCK);
            assertThat(r).isInstanceOf(WriteResult.Ok.class);
            current = ((WriteResult.Ok) r).tid();
            assertThat(current.block()).isEqualTo(root.block());
            assertThat(heap.isHeapOnly(current)).isTrue();
            t.commit();
        }
        Transaction reader = f.txns().begin();
        assertThat(heap.fetchThroughChain(reader.snapshot(), root).map(t -> new String(t.payload())))
                .contains("v5");
        assertThat(rows(heap, reader)).containsExactly("v5");
    }

    @Test
    void anUpdateOfARowItsTransactionLockedCarriesTheLockIntoTheNewVersionsXmax() {
        AccessFixture f = AccessFixture.inMemory(64);
        HeapRelation heap = HeapRelation.create(f.ctx, 16384, "t", new HeapOptions(100, 0));
        Transaction setup = f.txns().begin();
        setup.startStatement();
        Tid first = heap.insert(setup, text("a"));
        Tid second = heap.insert(setup, text("b"));
        setup.commit();

        Transaction t = f.txns().begin();
        t.startStatement();
        assertThat(heap.lock(t, first, org.lakepg.server.txn.LockMode.UPDATE, WaitPolicy.BLOCK))
                .isInstanceOf(WriteResult.Ok.class);
        Tid locked = ((WriteResult.Ok) heap.update(t, first, text("a2"), true, WaitPolicy.BLOCK)).tid();
        Tid plain = ((WriteResult.Ok) heap.update(t, second, text("b2"), false, WaitPolicy.BLOCK)).tid();
        // heap_update keeps a locker that remains in the new version's xmax; a plain update leaves it empty
        assertThat(heap.systemColumns(locked).orElseThrow().xmax()).isEqualTo(t.xid());
        assertThat(heap.systemColumns(plain).orElseThrow().xmax()).isZero();
        t.startStatement();
        assertThat(rows(heap, t)).containsExactlyInAnyOrder("a2", "b2");
        // the lock-only xmax neither hides the version nor stops this transaction from changing it again
        Tid again = ((WriteResult.Ok) heap.update(t, locked, text("a3"), true, WaitPolicy.BLOCK)).tid();
        assertThat(heap.systemColumns(locked).orElseThrow().xmax()).isEqualTo(t.xid());
        t.commit();

        Transaction reader = f.txns().begin();
        reader.startStatement();
        assertThat(rows(heap, reader)).containsExactlyInAnyOrder("a3", "b2");
        assertThat(heap.fetch(reader.snapshot(), again)).isPresent();
        Transaction deleter = f.txns().begin();
        deleter.startStatement();
        assertThat(heap.delete(deleter, again, WaitPolicy.BLOCK)).isInstanceOf(WriteResult.Ok.class);
        deleter.commit();
        Transaction last = f.txns().begin();
        last.startStatement();
        assertThat(rows(heap, last)).containsExactly("b2");
    }

    @Test
    void theHotDecisionSeesTheReplacedVersionsPayload() {
        AccessFixture f = AccessFixture.inMemory(64);
        HeapRelation heap = HeapRelation.create(f.ctx, 16384, "t", new HeapOptions(70, 0));
        Transaction t1 = f.txns().begin();
        t1.startStatement();
        Tid root = heap.insert(t1, text("key1:a"));
        t1.commit();
        List<String> seen = new ArrayList<>();
        // same key prefix as the old version: heap-only; a changed key: a version that needs index entries
        java.util.function.Predicate<byte[]> sameKey = old -> {
            seen.add(new String(old, StandardCharsets.UTF_8));
            return new String(old, StandardCharsets.UTF_8).startsWith("key1:");
        };
        Transaction t2 = f.txns().begin();
        t2.startStatement();
        Tid hot = ((WriteResult.Ok) heap.update(t2, root, text("key1:b"), sameKey, WaitPolicy.BLOCK)).tid();
        t2.commit();
        assertThat(heap.isHeapOnly(hot)).isTrue();
        Transaction t3 = f.txns().begin();
        t3.startStatement();
        Tid cold = ((WriteResult.Ok) heap.update(t3, hot, text("key2:c"),
                old -> !new String(old, StandardCharsets.UTF_8).startsWith("key1:"), WaitPolicy.BLOCK)).tid();
        t3.commit();
        assertThat(heap.isHeapOnly(cold)).isFalse();
        assertThat(seen).containsExactly("key1:a");
        Transaction reader = f.txns().begin();
        reader.startStatement();
        assertThat(rows(heap, reader)).containsExactly("key2:c");
    }

    @Test
    void largePayloadsAreStoredOutOfLineAndReadBack() {
        AccessFixture f = AccessFixture.inMemory(64);
        HeapRelation heap = HeapRelation.create(f.ctx, 16384, "t", HeapOptions.defaults(16385));
        byte[] big = new byte[20 * 1024 * 1024 + 17];
        new Random(7).nextBytes(big);
        Transaction t = f.txns().begin();
        Tid tid = heap.insert(t, big);
        Tid small = heap.insert(t, text("small"));
        t.commit();
        AccessFixture restarted = f.restart(); // read back through storage, not the cache
        HeapRelation again = HeapRelation.open(restarted.ctx, 16384, "t", HeapOptions.defaults(16385));
        Transaction r = restarted.txns().begin();
        assertThat(again.fetch(r.snapshot(), tid).orElseThrow().payload()).isEqualTo(big);
        assertThat(again.fetch(r.snapshot(), small).orElseThrow().payload()).isEqualTo(text("small"));
    }

    @Test
    void aRowTooBigForAPageWithoutOutOfLineStorageIsRejectedAsPostgresDoes() {
        AccessFixture f = AccessFixture.inMemory(64);
        HeapRelation heap = HeapRelation.create(f.ctx, 16384, "t", HeapOptions.defaults(0));
        Transaction t = f.txns().begin();
        assertThatThrownBy(() -> heap.insert(t, new byte[9000]))
                .isInstanceOf(PgException.class)
                .hasMessageStartingWith("row is too big: size 9036, maximum size 8164")
                .extracting(e -> ((PgException) e).sqlState()).isEqualTo(SqlState.PROGRAM_LIMIT_EXCEEDED);
    }

    @Test
    void aDroppedTableIsGoneFromStorageAndTheCache() {
        AccessFixture f = AccessFixture.inMemory(32);
        HeapRelation heap = HeapRelation.create(f.ctx, 16384, "t", HeapOptions.defaults(16385));
        Transaction t = f.txns().begin();
        heap.insert(t, text("a"));
        heap.insert(t, new byte[5000]);
        t.commit();
        heap.drop();
        var lsn = f.wal.insertLsn(f.timeline);
        assertThat(f.pages.relationExists(f.timeline, 16384, org.lakepg.storage.ForkNumber.MAIN, lsn)).isFalse();
        assertThat(f.pages.relationExists(f.timeline, 16385, org.lakepg.storage.ForkNumber.MAIN, lsn)).isFalse();
        HeapRelation again = HeapRelation.create(f.ctx, 16384, "t", HeapOptions.defaults(16385));
        assertThat(rows(again, f.txns().begin())).isEmpty();
    }

    @Test
    void aTableTenTimesTheCacheIsScannedAndUpdatedCorrectlyAndSurvivesARestart() {
        AccessFixture f = AccessFixture.inMemory(32);
        HeapRelation heap = HeapRelation.create(f.ctx, 16384, "big", HeapOptions.defaults(0));
        Map<Tid, Integer> expected = new HashMap<>();
        Transaction t = f.txns().begin();
        byte[] filler = new byte[200];
        for (int i = 0; i < 12_000; i++) { // about 330 pages: 10x the cache
            byte[] row = new byte[204];
            System.arraycopy(filler, 0, row, 4, 200);
            org.lakepg.server.access.page.Bytes.i32(row, 0, i);
            expected.put(heap.insert(t, row), i);
        }
        t.commit();
        assertThat(heap.blockCount()).isGreaterThan(10 * 32);
        Transaction u = f.txns().begin();
        u.startStatement();
        Map<Tid, Integer> updated = new HashMap<>();
        for (var e : expected.entrySet()) {
            byte[] row = new byte[204];
            org.lakepg.server.access.page.Bytes.i32(row, 0, e.getValue() * 2);
            WriteResult r = heap.update(u, e.getKey(), row, false, WaitPolicy.BLOCK);
            updated.put(((WriteResult.Ok) r).tid(), e.getValue() * 2);
        }
        u.commit();
        for (AccessFixture compute : List.of(f, f.restart())) {
            HeapRelation h = HeapRelation.open(compute.ctx, 16384, "big", HeapOptions.defaults(0));
            Transaction r = compute.txns().begin();
            Map<Tid, Integer> seen = new HashMap<>();
            h.scan(r.snapshot()).forEachRemaining(
                    tuple -> seen.put(tuple.tid(), org.lakepg.server.access.page.Bytes.i32(tuple.payload(), 0)));
            assertThat(seen).isEqualTo(updated);
        }
    }
}
