package org.lakepg.server.access.btree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.lakepg.server.access.heap.HeapOptions;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.access.testing.AccessFixture;
import org.lakepg.server.txn.Transaction;
import org.lakepg.server.txn.WaitPolicy;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.junit.jupiter.api.Test;

class BTreeIndexTest {

    /** Model entries ordered as the index orders them: key, then tid. */
    private record Entry(long key, long tid) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = Long.compare(key, o.key);
            return c != 0 ? c : Long.compare(tid, o.tid);
        }
    }

    /** The key of k, padded by a length that depends on k only (keys of varying size exercise splits). */
    private static byte[] key(long k) {
        return key(k, (int) Math.floorMod(k * 7, 40L));
    }

    private static byte[] key(long k, int padding) {
        byte[] base = KeyEncoding.key().addLong(k).build();
        byte[] padded = new byte[base.length + padding];
        System.arraycopy(base, 0, padded, 0, base.length);
        return padded;
    }

    private static long decode(byte[] key) {
        long v = 0;
        for (int i = 1; i <= 8; i++) {
            v = (v << 8) | (key[i] & 0xFF);
        }
        return v ^ Long.MIN_VALUE;
    }

    private static List<Entry> collect(Iterator<IndexEntry> it) {
        List<Entry> out = new ArrayList<>();
        it.forEachRemaining(e -> out.add(new Entry(decode(e.key()), e.tid().pack())));
        return out;
    }

    @Test
    void randomInsertsAndDeletesMatchASortedModelInBothDirections() {
        AccessFixture f = AccessFixture.inMemory(24); // much smaller than the index: evictions all the time
        BTreeIndex index = BTreeIndex.create(f.ctx, 20000, "idx", KeyComparator.BYTEWISE);
        NavigableMap<Entry, Boolean> model = new TreeMap<>();
        Random random = new Random(42);
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < 4000; i++) {
                long k = random.nextInt(3000) - 1500; // duplicates of keys are common
                Tid tid = new Tid(random.nextInt(1 << 20), 1 + random.nextInt(200));
                Entry e = new Entry(k, tid.pack());
                if (model.putIfAbsent(e, true) == null) {
                    index.insert(null, key(k), tid, null);
                }
            }
            Set<Long> doomed = new HashSet<>();
            List<Entry> all = new ArrayList<>(model.keySet());
            Collections.shuffle(all, random);
            for (Entry e : all.subList(0, all.size() / 3)) {
                doomed.add(e.tid());
            }
            model.keySet().removeIf(e -> doomed.contains(e.tid()));
            index.bulkDelete(doomed);

            assertThat(collect(index.scan(null, null, true))).containsExactlyElementsOf(model.keySet());
            assertThat(collect(index.scan(null, null, false))).containsExactlyElementsOf(model.descendingKeySet());
            for (int q = 0; q < 30; q++) {
                long lo = random.nextInt(3200) - 1600;
                long hi = lo + random.nextInt(400);
                boolean loInc = random.nextBoolean();
                boolean hiInc = random.nextBoolean();
                List<Entry> expected = model.keySet().stream()
                        .filter(e -> loInc ? e.key() >= lo : e.key() > lo)
                        .filter(e -> hiInc ? e.key() <= hi : e.key() < hi)
                        .toList();
                ScanBound lower = new ScanBound(key(lo), loInc);
                ScanBound upper = new ScanBound(key(hi), hiInc);
                assertThat(collect(index.scan(lower, upper, true))).containsExactlyElementsOf(expected);
                assertThat(collect(index.scan(lower, upper, false))).containsExactlyElementsOf(expected.reversed());
            }
        }
        assertThat(index.blockCount()).isGreaterThan(2 * 24); // several times the cache
        // a restarted compute reads the same tree from storage
        AccessFixture restarted = f.restart();
        BTreeIndex again = BTreeIndex.open(restarted.ctx, 20000, "idx", KeyComparator.BYTEWISE);
        assertThat(collect(again.scan(null, null, true))).containsExactlyElementsOf(model.keySet());
    }

    @Test
    void aTreeBuiltBottomUpFromSortedEntriesIsValidAndKeepsAcceptingInserts() {
        AccessFixture f = AccessFixture.inMemory(24);
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 500, 60_000}) {
            int relation = 21000 + size;
            BTreeIndex index = BTreeIndex.create(f.ctx, relation, "idx", KeyComparator.BYTEWISE);
            NavigableMap<Entry, byte[]> model = new TreeMap<>();
            while (model.size() < size) {
                long k = random.nextInt(Math.max(1, size / 3)); // duplicates of keys are common
                Tid tid = new Tid(random.nextInt(1 << 20), 1 + random.nextInt(200));
                model.putIfAbsent(new Entry(k, tid.pack()), sometimesLargeKey(k));
            }
            List<IndexEntry> entries = new ArrayList<>();
            model.forEach((e, key) -> entries.add(new IndexEntry(key, Tid.unpack(e.tid()))));
            Collections.shuffle(entries, random);
            entries.sort(index.entryOrder());
            index.buildFromSorted(entries.iterator(), "t");

            assertThat(BTreeCheck.check(index)).isEmpty();
            assertThat(collect(index.scan(null, null, true))).containsExactlyElementsOf(model.keySet());
            assertThat(collect(index.scan(null, null, false))).containsExactlyElementsOf(model.descendingKeySet());
            long probe = size / 6;
            List<Entry> expected = model.keySet().stream().filter(e -> e.key() == probe).toList();
            ScanBound bound = ScanBound.inclusive(sometimesLargeKey(probe));
            assertThat(collect(index.scan(bound, bound, true))).containsExactlyElementsOf(expected);

            // the built tree splits and grows like any other
            for (int i = 0; i < 3000; i++) {
                long k = random.nextInt(Math.max(1, size / 3) + 100);
                Tid tid = new Tid(random.nextInt(1 << 20), 1 + random.nextInt(200));
                if (model.putIfAbsent(new Entry(k, tid.pack()), sometimesLargeKey(k)) == null) {
                    index.insert(null, sometimesLargeKey(k), tid, null);
                }
            }
            assertThat(BTreeCheck.check(index)).isEmpty();
            assertThat(collect(index.scan(null, null, true))).containsExactlyElementsOf(model.keySet());
            AccessFixture restarted = f.restart();
            BTreeIndex again = BTreeIndex.open(restarted.ctx, relation, "idx", KeyComparator.BYTEWISE);
            assertThat(collect(again.scan(null, null, true))).containsExactlyElementsOf(model.keySet());
        }
    }

    /** Now and then a large key, so that pages hold few entries and high keys are large. */
    private static byte[] sometimesLargeKey(long k) {
        return k % 61 == 5 ? key(k, 900 + (int) (k % 500)) : key(k);
    }

    @Test
    void keysNearTheSizeLimitInRandomOrderSplitPagesWithoutLosingEntries() {
        // two or three such keys fill an internal page: the tree is deep, and a split up to the root pins a few
        // pages per level
        AccessFixture f = AccessFixture.inMemory(128);
        Random random = new Random(11);
        int maxKey = BTreeIndex.MAX_ITEM_SIZE - 6;
        BTreeIndex index = BTreeIndex.create(f.ctx, 20600, "big_keys", KeyComparator.BYTEWISE);
        NavigableMap<byte[], Tid> model = new TreeMap<>(java.util.Arrays::compareUnsigned);
        for (int i = 0; i < 1500; i++) {
            // 2000..2698 bytes, the largest allowed key often: pages of two or three entries, large high keys
            int length = random.nextInt(4) == 0 ? maxKey : 2000 + random.nextInt(maxKey - 2000);
            byte[] key = new byte[length];
            random.nextBytes(key);
            key[0] = (byte) random.nextInt(4); // long runs of keys sharing a first byte, next to each other
            Tid tid = new Tid(i / 100, 1 + i % 100);
            model.put(key, tid);
            index.insert(null, key, tid, null);
        }
        assertThat(BTreeCheck.check(index)).isEmpty();
        List<byte[]> keys = new ArrayList<>();
        index.scan(null, null, true).forEachRemaining(e -> {
            assertThat(e.tid()).isEqualTo(model.get(e.key()));
            keys.add(e.key());
        });
        assertThat(keys).containsExactlyElementsOf(model.keySet());
        for (byte[] key : model.keySet()) {
            if (random.nextInt(20) == 0) {
                ScanBound bound = ScanBound.inclusive(key);
                assertThat(collectTids(index.scan(bound, bound, false))).containsExactly(model.get(key));
            }
        }
        // the same entries built bottom-up (CREATE INDEX), then inserted into in random order again
        BTreeIndex built = BTreeIndex.create(f.ctx, 20601, "big_keys_built", KeyComparator.BYTEWISE);
        List<IndexEntry> sorted = new ArrayList<>();
        model.forEach((key, tid) -> sorted.add(new IndexEntry(key, tid)));
        built.buildFromSorted(sorted.iterator(), "t");
        for (int i = 0; i < 300; i++) {
            byte[] key = new byte[2000 + random.nextInt(maxKey - 1999)];
            random.nextBytes(key);
            Tid tid = new Tid(100 + i, 1);
            model.put(key, tid);
            built.insert(null, key, tid, null);
        }
        assertThat(BTreeCheck.check(built)).isEmpty();
        assertThat(collectTids(built.scan(null, null, true))).containsExactlyElementsOf(model.values());

        AccessFixture restarted = f.restart();
        BTreeIndex again = BTreeIndex.open(restarted.ctx, 20601, "big_keys_built", KeyComparator.BYTEWISE);
        assertThat(BTreeCheck.check(again)).isEmpty();
        assertThat(collectTids(again.scan(null, null, true))).containsExactlyElementsOf(model.values());
    }

    @Test
    void theLargestKeyIsAcceptedAndOneByteMoreIsRejected() {
        AccessFixture f = AccessFixture.inMemory(32);
        BTreeIndex index = BTreeIndex.create(f.ctx, 20700, "limit_idx", KeyComparator.BYTEWISE);
        int maxKey = BTreeIndex.MAX_ITEM_SIZE - 6;
        for (int i = 0; i < 40; i++) {
            byte[] key = new byte[maxKey];
            key[0] = (byte) (i * 37 % 40); // out of order
            index.insert(null, key, new Tid(1, 1 + i), null);
        }
        assertThat(BTreeCheck.check(index)).isEmpty();
        assertThat(collectTids(index.scan(null, null, true))).hasSize(40);
        assertThatThrownBy(() -> index.insert(null, new byte[maxKey + 1], new Tid(2, 1), null))
                .isInstanceOf(PgException.class)
                .hasMessage("index row size 2713 exceeds btree version 4 maximum 2704 for index \"limit_idx\"")
                .satisfies(e -> assertThat(((PgException) e).sqlState()).isEqualTo(SqlState.PROGRAM_LIMIT_EXCEEDED));
    }

    private static List<Tid> collectTids(Iterator<IndexEntry> it) {
        List<Tid> out = new ArrayList<>();
        it.forEachRemaining(e -> out.add(e.tid()));
        return out;
    }

    @Test
    void keysBeyondTheSizeLimitFailASortedBuildWithPostgresWording() {
        AccessFixture f = AccessFixture.inMemory(64);
        BTreeIndex index = BTreeIndex.create(f.ctx, 20500, "big_idx", KeyComparator.BYTEWISE);
        List<IndexEntry> entries = List.of(new IndexEntry(new byte[3000], new Tid(0, 1)));
        assertThatThrownBy(() -> index.buildFromSorted(entries.iterator(), "t"))
                .isInstanceOf(PgException.class)
                .hasMessageContaining("index row size 3014 exceeds btree version 4 maximum 2704 for index \"big_idx\"");
    }

    @Test
    void emptiedLeavesAreUnlinkedAndReusedSoAQueueLikeIndexStaysBounded() throws Exception {
        AccessFixture f = AccessFixture.inMemory(64);
        BTreeIndex index = BTreeIndex.create(f.ctx, 20000, "queue", KeyComparator.BYTEWISE);
        NavigableMap<Entry, Boolean> model = new java.util.concurrent.ConcurrentSkipListMap<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        // scans in both directions run while vacuum unlinks and splits reuse pages under them
        Thread scanner = Thread.ofPlatform().start(() -> {
            try {
                while (!done.get()) {
                    List<Entry> forward = collect(index.scan(null, null, true));
                    List<Entry> backward = collect(index.scan(null, null, false));
                    assertThat(forward).isSorted().doesNotHaveDuplicates();
                    assertThat(backward.reversed()).isSorted().doesNotHaveDuplicates();
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        List<Integer> sizes = new ArrayList<>();
        long next = 0;
        try {
            for (int round = 0; round < 12; round++) {
                for (int i = 0; i < 3000; i++, next++) {
                    Tid tid = new Tid((int) next, 1);
                    index.insert(null, key(next), tid, null);
                    model.put(new Entry(next, tid.pack()), true);
                }
                // the oldest 3000 entries die (a queue): their leaves empty out entirely
                Set<Long> doomed = new HashSet<>();
                for (Entry e : model.headMap(new Entry(next - 3000, Long.MIN_VALUE)).keySet()) {
                    doomed.add(e.tid());
                }
                model.keySet().removeIf(e -> doomed.contains(e.tid()));
                index.bulkDelete(doomed);
                // xids advance past the deletions, so the pages deleted a round ago become reusable
                Transaction t = f.txns().begin();
                t.xid();
                t.commit();
                sizes.add(index.blockCount());
            }
        } finally {
            done.set(true);
            scanner.join();
        }
        assertThat(failures).isEmpty();
        assertThat(collect(index.scan(null, null, true))).containsExactlyElementsOf(model.keySet());
        assertThat(collect(index.scan(null, null, false))).containsExactlyElementsOf(model.descendingKeySet());
        assertThat(BTreeCheck.check(index)).isEmpty();
        // without reuse every round would add as many pages as the first; with it the size levels off
        int growthFirstHalf = sizes.get(5) - sizes.get(0);
        int growthSecondHalf = sizes.get(11) - sizes.get(6);
        assertThat(growthSecondHalf).as("index sizes per round %s", sizes).isLessThan(Math.max(3, growthFirstHalf / 3));
        // a restarted compute finds the same tree, deleted pages skipped
        AccessFixture restarted = f.restart();
        BTreeIndex again = BTreeIndex.open(restarted.ctx, 20000, "queue", KeyComparator.BYTEWISE);
        assertThat(collect(again.scan(null, null, true))).containsExactlyElementsOf(model.keySet());
    }

    @Test
    void concurrentInsertersAndScannersSeeAConsistentTree() throws Exception {
        AccessFixture f = AccessFixture.inMemory(64);
        BTreeIndex index = BTreeIndex.create(f.ctx, 20000, "idx", KeyComparator.BYTEWISE);
        int threads = 4;
        int perThread = 5000;
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    Random random = new Random(id);
                    for (int i = 0; i < perThread; i++) {
                        long k = random.nextInt(100_000);
                        index.insert(null, key(k), new Tid(id * perThread + i, 1), null);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        Thread scanner = Thread.ofPlatform().start(() -> {
            try {
                while (workers.stream().anyMatch(Thread::isAlive)) {
                    List<Entry> forward = collect(index.scan(null, null, true));
                    List<Entry> backward = collect(index.scan(null, null, false));
                    assertThat(forward).isSorted();
                    assertThat(backward.reversed()).isSorted();
                    assertThat(new HashSet<>(forward)).hasSameSizeAs(forward);
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        for (Thread w : workers) {
            w.join();
        }
        scanner.join();
        assertThat(failures).isEmpty();
        List<Entry> all = collect(index.scan(null, null, true));
        assertThat(all).hasSize(threads * perThread).isSorted();
        assertThat(collect(index.scan(null, null, false))).containsExactlyElementsOf(all.reversed());
    }

    @Test
    void keyEncodingOrdersNullsAndDescendingColumnsAsPostgres() {
        KeyEncoding.Order desc = KeyEncoding.Order.DESC;
        byte[] nullDesc = KeyEncoding.key().addLong(null, desc).build();
        byte[] fiveDesc = KeyEncoding.key().addLong(5L, desc).build();
        byte[] oneDesc = KeyEncoding.key().addLong(1L, desc).build();
        // ORDER BY x DESC: NULLs first (PostgreSQL's default for DESC), then 5, then 1
        assertThat(KeyComparator.BYTEWISE.compare(nullDesc, fiveDesc)).isNegative();
        assertThat(KeyComparator.BYTEWISE.compare(fiveDesc, oneDesc)).isNegative();
        byte[] nullAsc = KeyEncoding.key().addText(null, KeyEncoding.Order.ASC).build();
        byte[] textAsc = KeyEncoding.key().addText("zz", KeyEncoding.Order.ASC).build();
        assertThat(KeyComparator.BYTEWISE.compare(textAsc, nullAsc)).isNegative(); // NULLS LAST ascending
        byte[] ab = KeyEncoding.key().addText("a").addLong(2L).build();
        byte[] abPrefix = KeyEncoding.key().addText("a\0").addLong(1L).build();
        assertThat(KeyComparator.BYTEWISE.compare(ab, abPrefix)).isNegative();
        byte[] negative = KeyEncoding.key().addLong(-3L).build();
        assertThat(KeyComparator.BYTEWISE.compare(negative, KeyEncoding.key().addLong(2L).build())).isNegative();
    }

    @Test
    void uniqueIndexesRejectLiveDuplicatesAndWaitForInFlightInserters() throws Exception {
        AccessFixture f = AccessFixture.inMemory(64);
        HeapRelation heap = HeapRelation.create(f.ctx, 16384, "t", HeapOptions.defaults(0));
        BTreeIndex index = BTreeIndex.create(f.ctx, 16390, "t_pkey", KeyComparator.BYTEWISE);
        UniqueCheck unique = new UniqueCheck("t_pkey", heap, () -> "Key (id)=(1) already exists.",
                payload -> KeyEncoding.key().addLong(1L).build()); // every row of this test carries key 1
        byte[] one = KeyEncoding.key().addLong(1L).build();

        Transaction first = f.txns().begin();
        Tid tid1 = heap.insert(first, new byte[] {1});
        index.insert(first, one, tid1, unique);

        Transaction second = f.txns().begin();
        Tid tid2 = heap.insert(second, new byte[] {2});
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> index.insert(second, one, tid2, unique));
        Thread.sleep(100);
        assertThat(waiting).isNotDone(); // waits for "first" to commit or abort
        first.rollback();
        waiting.get(5, TimeUnit.SECONDS); // first aborted: no conflict
        second.commit();

        Transaction third = f.txns().begin();
        Tid tid3 = heap.insert(third, new byte[] {3});
        assertThatThrownBy(() -> index.insert(third, one, tid3, unique))
                .isInstanceOf(PgException.class)
                .hasMessage("duplicate key value violates unique constraint \"t_pkey\"")
                .satisfies(e -> assertThat(((PgException) e).detail()).isEqualTo("Key (id)=(1) already exists."))
                .extracting(e -> ((PgException) e).sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
        third.rollback();

        // after the row is deleted (and committed) the key may be used again
        Transaction deleter = f.txns().begin();
        deleter.startStatement();
        heap.delete(deleter, tid2, WaitPolicy.BLOCK);
        deleter.commit();
        Transaction fourth = f.txns().begin();
        Tid tid4 = heap.insert(fourth, new byte[] {4});
        index.insert(fourth, one, tid4, unique);
        fourth.commit();
        assertThat(collect(index.scan(ScanBound.inclusive(one), ScanBound.inclusive(one), true))).hasSize(3);
    }

    @Test
    void insertAllEndsAsOneByOneInsertsDoWithFewerRecords() {
        AccessFixture f = AccessFixture.inMemory(24);
        BTreeIndex single = BTreeIndex.create(f.ctx, 20000, "single", KeyComparator.BYTEWISE);
        BTreeIndex batched = BTreeIndex.create(f.ctx, 20001, "batched", KeyComparator.BYTEWISE);
        Random random = new Random(7);
        List<BTreeIndex.NewEntry> entries = new ArrayList<>();
        long serial = 0;
        for (int i = 0; i < 12000; i++) {
            // runs of ascending keys (a serial column), random keys with duplicates, descending runs
            long k = i % 3000 < 2000 ? serial++ : i % 3000 < 2600 ? random.nextInt(5000) : 100000 - i;
            entries.add(new BTreeIndex.NewEntry(key(k), new Tid(1 + i / 100, 1 + i % 100), null));
        }
        var timeline = f.timeline;
        long before = f.wal.insertLsn(timeline).value();
        for (BTreeIndex.NewEntry e : entries) {
            single.insert(null, e.key(), e.tid(), null);
        }
        long oneByOne = f.wal.insertLsn(timeline).value() - before;
        before = f.wal.insertLsn(timeline).value();
        for (int from = 0; from < entries.size(); from += 256) {
            batched.insertAll(null, entries.subList(from, Math.min(entries.size(), from + 256)));
        }
        long inBatches = f.wal.insertLsn(timeline).value() - before;
        assertThat(collect(batched.entries())).isEqualTo(collect(single.entries())).hasSize(entries.size());
        assertThat(BTreeCheck.check(batched)).isEmpty();
        assertThat(inBatches).as("WAL bytes in batches against one by one (%d)", oneByOne).isLessThan(oneByOne);
    }

    @Test
    void insertAllChecksUniquenessAndWaitsForInFlightInsertersAsInsertDoes() throws Exception {
        AccessFixture f = AccessFixture.inMemory(64);
        HeapRelation heap = HeapRelation.create(f.ctx, 16384, "t", HeapOptions.defaults(0));
        BTreeIndex index = BTreeIndex.create(f.ctx, 16390, "t_pkey", KeyComparator.BYTEWISE);
        Transaction other = f.txns().begin();
        Tid inFlight = heap.insert(other, new byte[] {1});
        index.insert(other, KeyEncoding.key().addLong(500L).build(), inFlight, unique(heap, 500));

        Transaction t = f.txns().begin();
        List<BTreeIndex.NewEntry> entries = new ArrayList<>();
        for (long k = 1; k <= 1000; k++) {
            entries.add(new BTreeIndex.NewEntry(KeyEncoding.key().addLong(k).build(), heap.insert(t, new byte[] {2}),
                    unique(heap, k)));
        }
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> index.insertAll(t, entries));
        Thread.sleep(100);
        assertThat(waiting).as("key 500 is being inserted by a running transaction").isNotDone();
        other.rollback();
        waiting.get(5, TimeUnit.SECONDS);
        assertThat(collect(index.entries())).hasSize(1001); // the rolled-back entry stays until vacuum

        // a key repeated in the batch: the first copy goes in, the second is refused as one by one
        Transaction u = f.txns().begin();
        List<BTreeIndex.NewEntry> repeated = new ArrayList<>();
        for (long k = 2001; k <= 2400; k++) {
            long key = k == 2300 ? 2010 : k;
            repeated.add(new BTreeIndex.NewEntry(KeyEncoding.key().addLong(key).build(), heap.insert(u, new byte[] {3}),
                    unique(heap, key)));
        }
        assertThatThrownBy(() -> index.insertAll(u, repeated))
                .isInstanceOf(PgException.class)
                .hasMessage("duplicate key value violates unique constraint \"t_pkey\"")
                .satisfies(e -> assertThat(((PgException) e).detail()).isEqualTo("Key (id)=(2010) already exists."));
        assertThat(collect(index.scan(ScanBound.inclusive(KeyEncoding.key().addLong(2001L).build()), null, true)))
                .hasSize(299);
        assertThat(BTreeCheck.check(index)).isEmpty();
    }

    private static UniqueCheck unique(HeapRelation heap, long key) {
        return new UniqueCheck("t_pkey", heap, () -> "Key (id)=(" + key + ") already exists.");
    }

    @Test
    void aUniqueCheckIgnoresARowThatDoesNotCarryTheKeyWhenToldHowToComputeIt() {
        AccessFixture f = AccessFixture.inMemory(64);
        HeapRelation heap = HeapRelation.create(f.ctx, 16384, "t", HeapOptions.defaults(0));
        BTreeIndex index = BTreeIndex.create(f.ctx, 16390, "t_pkey", KeyComparator.BYTEWISE);
        Transaction t = f.txns().begin();
        Tid other = heap.insert(t, new byte[] {2}); // a live row whose key is 2
        t.commit();
        byte[] one = KeyEncoding.key().addLong(1L).build();
        // an entry for key 1 that points at it: what a line pointer reused after VACUUM looks like to a racing check
        index.insert(null, one, other, null);
        Transaction u = f.txns().begin();
        Tid mine = heap.insert(u, new byte[] {1});
        assertThatThrownBy(() -> index.insert(u, one, mine,
                new UniqueCheck("t_pkey", heap, () -> "Key (id)=(1) already exists.")))
                .hasMessage("duplicate key value violates unique constraint \"t_pkey\"");
        index.insert(u, one, mine, new UniqueCheck("t_pkey", heap, () -> "Key (id)=(1) already exists.",
                payload -> KeyEncoding.key().addLong((long) payload[0]).build()));
        u.commit();
    }

    @Test
    void oversizedKeysAreRejectedWithPostgresWording() {
        AccessFixture f = AccessFixture.inMemory(32);
        BTreeIndex index = BTreeIndex.create(f.ctx, 20000, "big_idx", KeyComparator.BYTEWISE);
        assertThatThrownBy(() -> index.insert(null, new byte[3000], new Tid(0, 1), null))
                .hasMessage("index row size 3014 exceeds btree version 4 maximum 2704 for index \"big_idx\"");
        assertThat(Map.of()).isEmpty();
    }
}
