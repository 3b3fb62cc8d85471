package org.lakepg.server.access.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.access.btree.BTreeIndex;
import org.lakepg.server.access.btree.IndexEntry;
import org.lakepg.server.access.btree.KeyComparator;
import org.lakepg.server.access.btree.KeyEncoding;
import org.lakepg.server.access.btree.ScanBound;
import org.lakepg.server.access.heap.HeapOptions;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.access.page.Bytes;
import org.lakepg.server.access.testing.AccessFixture;
import org.lakepg.server.txn.Transaction;
import org.lakepg.storage.Storage;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.Timeline;

/**
 * Throughput of the access layer on storage-local (run by hand; prints figures, asserts nothing):
 * single-row insert transactions (heap + unique-less index, synchronous_commit on and off), bulk inserts, and
 * point lookups through the B-tree. Arguments: [threads] [seconds per phase].
 */
public final class AccessBenchmark {

    private static final int ROWS = 200_000;

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("lakepg-access-bench");
        try (Storage storage = Storage.load("local", StorageConfig.of(dir))) {
            Timeline timeline = storage.timelines().createTimeline("bench");
            AccessFixture compute = new AccessFixture(storage.wal(), storage.pages(), timeline.id(), 16_384);
            AccessContext ctx = compute.ctx;
            HeapRelation heap = HeapRelation.create(ctx, 16384, "bench", HeapOptions.defaults(16385));
            BTreeIndex index = BTreeIndex.create(ctx, 16386, "bench_pkey", KeyComparator.BYTEWISE);
            AtomicLong nextId = new AtomicLong();

            long start = System.nanoTime();
            Transaction bulk = compute.txns().begin();
            for (int i = 0; i < ROWS; i++) {
                insert(heap, index, bulk, nextId.getAndIncrement());
            }
            bulk.commit();
            double bulkSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("bulk insert (one transaction, heap + index): %,.0f rows/s%n", ROWS / bulkSeconds);

            for (boolean sync : new boolean[] {true, false}) {
                compute.txns().setSynchronousCommit(sync);
                long done = timed(threads, seconds, () -> {
                    Transaction t = compute.txns().begin();
                    insert(heap, index, t, nextId.getAndIncrement());
                    t.commit();
                });
                System.out.printf("insert transactions, %d threads, synchronous_commit=%s: %,.0f commits/s%n",
                        threads, sync ? "on" : "off", done / (double) seconds);
            }
            compute.txns().setSynchronousCommit(true);

            long maxId = nextId.get();
            for (int n : new int[] {1, threads}) {
                long done = timed(n, seconds, () -> {
                    Transaction t = compute.txns().begin();
                    long id = ThreadLocalRandom.current().nextLong(maxId);
                    byte[] key = KeyEncoding.key().addLong(id).build();
                    var snapshot = t.snapshot(); // before the scan, which copies entries when created
                    var it = index.scan(ScanBound.inclusive(key), ScanBound.inclusive(key), true);
                    boolean found = false;
                    while (it.hasNext()) {
                        IndexEntry e = it.next();
                        found |= heap.fetchThroughChain(snapshot, e.tid()).isPresent();
                    }
                    if (!found) {
                        throw new IllegalStateException("row " + id + " not found");
                    }
                    t.commit();
                });
                System.out.printf("point lookups through the B-tree, %d threads: %,.0f lookups/s%n", n,
                        done / (double) seconds);
            }
            var stats = ctx.cache().stats();
            System.out.printf("heap %d blocks, index %d blocks, buffer cache %d pages (%d hits, %d misses)%n",
                    heap.blockCount(), index.blockCount(), stats.capacity(), stats.hits(), stats.misses());
        }
    }

    private static void insert(HeapRelation heap, BTreeIndex index, Transaction t, long id) {
        byte[] row = new byte[100];
        Bytes.i64(row, 0, id);
        Tid tid = heap.insert(t, row);
        index.insert(t, KeyEncoding.key().addLong(id).build(), tid, null);
    }

    /** Runs {@code op} on {@code threads} threads for {@code seconds}; returns how many ran. */
    private static long timed(int threads, int seconds, Runnable op) throws InterruptedException {
        AtomicLong count = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    op.run();
                    count.incrementAndGet();
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        return count.get();
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
