package org.lakepg.server.access.crash;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.lakepg.server.access.btree.IndexEntry;
import org.lakepg.server.access.btree.ScanBound;
import org.lakepg.server.access.heap.HeapTuple;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.access.heap.WriteResult;
import org.lakepg.server.access.page.Bytes;
import org.lakepg.server.access.vacuum.AutoVacuum;
import org.lakepg.server.txn.Transaction;
import org.lakepg.server.txn.WaitPolicy;
import org.lakepg.wire.error.PgException;

/**
 * The child process of {@link AccessCrashIT}: concurrent writers commit, roll back and leave transactions open,
 * printing {@code ACK writer seq} once a commit returned (so it is durable), until the parent kills it with -9.
 * Arguments: data directory, round number (makes sequence numbers unique across rounds).
 */
public final class CrashWorkload {

    private static final int WRITERS = 4;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int round = Integer.parseInt(args[1]);
        CrashTable table = CrashTable.open(dir);
        AutoVacuum vacuum = new AutoVacuum(20, 0.05, 50);
        vacuum.register(new AutoVacuum.Table(table.heap, () -> List.of(table.index)));
        PrintStream out = new PrintStream(System.out, false);
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            threads.add(Thread.ofPlatform().start(() -> run(table, writer, round, out)));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private static void run(CrashTable table, int writer, int round, PrintStream out) {
        Random random = new Random(round * 100L + writer);
        long seq = (long) round << 32;
        List<Transaction> leftOpen = new ArrayList<>();
        while (true) {
            seq++;
            Transaction txn = table.compute.txns().begin();
            try {
                txn.startStatement();
                int choice = random.nextInt(20);
                byte kind = choice == 0 ? CrashTable.ABORTED : choice == 1 ? CrashTable.IN_FLIGHT : CrashTable.COMMITTED;
                int padding = random.nextInt(10) == 0 ? 3000 + random.nextInt(20000) : random.nextInt(100);
                byte[] row = CrashTable.row(writer, seq, kind, padding);
                Tid tid = table.heap.insert(txn, row);
                table.index.insert(txn, CrashTable.keyOf(row), tid, null);
                if (kind != CrashTable.IN_FLIGHT) { // an open transaction must not keep the counter row locked
                    txn.startStatement();
                    bumpCounter(table, txn, writer);
                }
                switch (kind) {
                    case CrashTable.ABORTED -> txn.rollback();
                    case CrashTable.IN_FLIGHT -> leftOpen.add(txn); // never ends: the kill decides
                    default -> {
                        txn.commit();
                        synchronized (out) {
                            out.println("ACK " + writer + " " + seq);
                            out.flush();
                        }
                    }
                }
            } catch (PgException e) {
                txn.rollback();
            }
        }
    }

    /** The writer's counter row (seq -1) counts its committed rows; created on first use. */
    private static void bumpCounter(CrashTable table, Transaction txn, int writer) {
        byte[] key = CrashTable.keyOf(CrashTable.row(writer, -1, CrashTable.COMMITTED, 0));
        Optional<HeapTuple> counter = Optional.empty();
        var it = table.index.scan(ScanBound.inclusive(key), ScanBound.inclusive(key), true);
        while (it.hasNext() && counter.isEmpty()) {
            IndexEntry e = it.next();
            counter = table.heap.fetchThroughChain(txn.snapshot(), e.tid());
        }
        if (counter.isEmpty()) {
            byte[] row = CrashTable.row(writer, -1, CrashTable.COMMITTED, 8);
            Bytes.i64(row, 13, 1);
            Tid tid = table.heap.insert(txn, row);
            table.index.insert(txn, key, tid, null);
            return;
        }
        byte[] row = counter.get().payload().clone();
        Bytes.i64(row, 13, Bytes.i64(row, 13) + 1);
        // only this writer touches its counter, so there is no concurrent update to re-check
        WriteResult r = table.heap.update(txn, counter.get().tid(), row, true, WaitPolicy.BLOCK);
        Tid newTid = ((WriteResult.Ok) r).tid();
        if (!table.heap.isHeapOnly(newTid)) {
            table.index.insert(txn, key, newTid, null);
        }
    }
}
