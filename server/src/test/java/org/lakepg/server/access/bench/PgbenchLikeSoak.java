package org.lakepg.server.access.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.lakepg.server.access.heap.HeapTuple;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.access.heap.WriteResult;
import org.lakepg.server.access.page.Bytes;
import org.lakepg.server.access.testing.AccessFixture;
import org.lakepg.server.access.vacuum.AutoVacuum;
import org.lakepg.server.access.verify.Verifier;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;
import org.lakepg.server.txn.WaitPolicy;
import org.lakepg.storage.Storage;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.Timeline;
import org.lakepg.wire.error.PgException;

/**
 * pgbench's TPC-B-like transaction (scale 1: 1 branch, 10 tellers, 100,000 accounts, history) run directly on the
 * access layer with autovacuum, printing table and index sizes over time, to show they stay bounded. Run by hand;
 * arguments: [clients] [seconds] [naptime ms].
 */
public final class PgbenchLikeSoak {

    /** A pgbench table: rows [id:8][balance:8][filler], a primary key on id. */
    private record Table(HeapRelation heap, BTreeIndex pkey) {

        static Table create(AccessContext ctx, int relation, String name) {
            return new Table(HeapRelation.create(ctx, relation, name, HeapOptions.defaults(0)),
                    BTreeIndex.create(ctx, relation + 1, name + "_pkey", KeyComparator.BYTEWISE));
        }

        static byte[] key(long id) {
            return KeyEncoding.key().addLong(id).build();
        }

        void insert(Transaction txn, long id, int filler) {
            byte[] row = new byte[16 + filler];
            Bytes.i64(row, 0, id);
            Tid tid = heap.insert(txn, row);
            pkey.insert(txn, key(id), tid, null);
        }

        Optional<HeapTuple> find(Transaction txn, long id) {
            Snapshot snapshot = txn.snapshot(); // before the scan, which copies entries when created
            var it = pkey.scan(ScanBound.inclusive(key(id)), ScanBound.inclusive(key(id)), true);
            while (it.hasNext()) {
                IndexEntry e = it.next();
                Optional<HeapTuple> t = heap.fetchThroughChain(snapshot, e.tid());
                if (t.isPresent() && Bytes.i64(t.get().payload(), 0) == id) {
                    return t;
                }
            }
            return Optional.empty();
        }

        /** UPDATE ... SET balance = balance + delta WHERE id = ?, READ COMMITTED style. */
        long add(Transaction txn, long id, long delta) {
            HeapTuple t = find(txn, id).orElseThrow();
            while (true) {
                byte[] row = t.payload().clone();
                long balance = Bytes.i64(row, 8) + delta;
                Bytes.i64(row, 8, balance);
                WriteResult r = heap.update(txn, t.tid(), row, true, WaitPolicy.BLOCK);
                switch (r) {
                    case WriteResult.Ok ok -> {
                        if (!heap.isHeapOnly(ok.tid())) {
                            pkey.insert(txn, key(id), ok.tid(), null);
                        }
                        return balance;
                    }
                    case WriteResult.Updated u -> t = heap.fetchLatest(txn, u.newer()).orElseThrow();
                    default -> throw new IllegalStateException("unexpected " + r);
                }
            }
        }

        List<String> verify() {
            return Verifier.verify(heap, List.of(new Verifier.IndexKey(pkey,
                    payload -> key(Bytes.i64(payload, 0)))));
        }
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        long naptime = args.length > 2 ? Long.parseLong(args[2]) : 1000;
        Path dir = Files.createTempDirectory("lakepg-soak");
        try (Storage storage = Storage.load("local", StorageConfig.of(dir))) {
            Timeline timeline = storage.timelines().createTimeline("soak");
            AccessFixture compute = new AccessFixture(storage.wal(), storage.pages(), timeline.id(), 16_384);
            AccessContext ctx = compute.ctx;
            Table branches = Table.create(ctx, 16384, "pgbench_branches");
            Table tellers = Table.create(ctx, 16386, "pgbench_tellers");
            Table accounts = Table.create(ctx, 16388, "pgbench_accounts");
            HeapRelation history = HeapRelation.create(ctx, 16390, "pgbench_history", HeapOptions.defaults(0));
            Transaction load = compute.txns().begin();
            branches.insert(load, 1, 88);
            for (int t = 1; t <= 10; t++) {
                tellers.insert(load, t, 84);
            }
            for (int a = 1; a <= 100_000; a++) {
                accounts.insert(load, a, 84);
            }
            load.commit();
            try (AutoVacuum auto = AutoVacuum.withPostgresDefaults(naptime)) {
                for (Table table : List.of(branches, tellers, accounts)) {
                    auto.register(new AutoVacuum.Table(table.heap(), () -> List.of(table.pkey())));
                }
                auto.register(new AutoVacuum.Table(history, List::of));
                AtomicLong done = new AtomicLong();
                AtomicLong failed = new AtomicLong();
                long end = System.nanoTime() + seconds * 1_000_000_000L;
                List<Thread> threads = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    threads.add(Thread.ofPlatform().start(() -> {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        while (System.nanoTime() < end) {
                            long aid = 1 + random.nextInt(100_000);
                            long tid = 1 + random.nextInt(10);
                            long delta = random.nextInt(-5000, 5001);
                            Transaction txn = compute.txns().begin();
                            try {
                                txn.startStatement();
                                accounts.add(txn, aid, delta);
                                txn.startStatement();
                                tellers.add(txn, tid, delta);
                                txn.startStatement();
                                branches.add(txn, 1, delta);
                                txn.startStatement();
                                byte[] h = new byte[50];
                                Bytes.i64(h, 0, aid);
                                Bytes.i64(h, 8, delta);
                                history.insert(txn, h);
                                txn.commit();
                                done.incrementAndGet();
                            } catch (PgException e) {
                                txn.rollback();
                                failed.incrementAndGet();
                            }
                        }
                    }));
                }
                System.out.println("seconds  tps  accounts(heap/pkey)  tellers  branches  history  [blocks]");
                long started = System.nanoTime();
                long lastDone = 0;
                for (int s = 5; s <= seconds; s += 5) {
                    java.util.concurrent.TimeUnit.NANOSECONDS.sleep(Math.max(0, started + s * 1_000_000_000L - System.nanoTime()));
                    long now = done.get();
                    System.out.printf("%5d %6d   %6d/%-5d   %4d/%-3d  %4d/%-3d  %6d%n", s, (now - lastDone) / 5,
                            accounts.heap().blockCount(), accounts.pkey().blockCount(),
                            tellers.heap().blockCount(), tellers.pkey().blockCount(),
                            branches.heap().blockCount(), branches.pkey().blockCount(), history.blockCount());
                    lastDone = now;
                    System.out.flush();
                }
                for (Thread t : threads) {
                    t.join();
                }
                System.out.printf("%d transactions, %d failed (deadlocks), %d autovacuum runs%n", done.get(),
                        failed.get(), auto.runs());
            }
            for (Table table : List.of(branches, tellers, accounts)) {
                List<String> problems = table.verify();
                System.out.println("verifier " + table.heap().name() + ": " + (problems.isEmpty() ? "clean" : problems));
            }
        }
    }
}
