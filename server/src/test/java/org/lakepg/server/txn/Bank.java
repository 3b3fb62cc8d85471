package org.lakepg.server.txn;

import java.util.Optional;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.HeapTuple;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.access.heap.WriteResult;
import org.lakepg.server.access.page.Bytes;

/** Accounts as heap rows [id:4][balance:8], found by scanning — a tiny executor for transaction tests. */
final class Bank {

    final HeapRelation heap;

    Bank(HeapRelation heap) {
        this.heap = heap;
    }

    static byte[] row(int id, long balance) {
        byte[] row = new byte[12];
        Bytes.i32(row, 0, id);
        Bytes.i64(row, 4, balance);
        return row;
    }

    static int id(HeapTuple t) {
        return Bytes.i32(t.payload(), 0);
    }

    static long balance(HeapTuple t) {
        return Bytes.i64(t.payload(), 4);
    }

    Optional<HeapTuple> find(Transaction txn, int id) {
        var it = heap.scan(txn.snapshot());
        while (it.hasNext()) {
            HeapTuple t = it.next();
            if (id(t) == id) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    long total(Transaction txn) {
        long sum = 0;
        var it = heap.scan(txn.snapshot());
        while (it.hasNext()) {
            sum += balance(it.next());
        }
        return sum;
    }

    /**
     * UPDATE accounts SET balance = balance + delta WHERE id = ?, with READ COMMITTED's re-check of the newest
     * version after a concurrent update. Returns the balance written.
     */
    long add(Transaction txn, int id, long delta) {
        HeapTuple t = find(txn, id).orElseThrow();
        while (true) {
            WriteResult r = heap.update(txn, t.tid(), row(id, balance(t) + delta), true, WaitPolicy.BLOCK);
            switch (r) {
                case WriteResult.Ok ok -> {
                    return balance(t) + delta;
                }
                case WriteResult.Updated updated -> t = heap.fetchLatest(txn, updated.newer()).orElseThrow();
                default -> throw new IllegalStateException("unexpected " + r);
            }
        }
    }

    Tid open(Transaction txn, int id, long balance) {
        return heap.insert(txn, row(id, balance));
    }
}
