package org.lakepg.server.catalog.objects;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.access.heap.HeapOptions;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.HeapTuple;
import org.lakepg.server.access.heap.WriteResult;
import org.lakepg.server.table.RowCodec;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;
import org.lakepg.server.txn.WaitPolicy;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * One catalog relation of fixed-typed rows in a heap: read at a snapshot, changed in a transaction, so
 * catalog changes commit, roll back and time-travel like any data.
 */
public final class CatalogHeap {
    private final HeapRelation heap;
    private final RowCodec codec;

    private CatalogHeap(HeapRelation heap, RowCodec codec) {
        this.heap = heap;
        this.codec = codec;
    }

    public static CatalogHeap open(AccessContext access, int relation, String name, boolean exists, long... types) {
        HeapOptions options = new HeapOptions(100, 0);
        HeapRelation heap = exists ? HeapRelation.open(access, relation, name, options)
                : HeapRelation.create(access, relation, name, options);
        return new CatalogHeap(heap, new RowCodec(types));
    }

    public List<Object[]> rows(Snapshot snapshot) {
        List<Object[]> out = new ArrayList<>();
        for (Iterator<HeapTuple> it = heap.scan(snapshot); it.hasNext(); ) {
            out.add(codec.decode(it.next().payload()));
        }
        return out;
    }

    public List<Object[]> rows(Snapshot snapshot, Predicate<Object[]> match) {
        return rows(snapshot).stream().filter(match).toList();
    }

    public void insert(Transaction txn, Object... row) {
        txn.markCatalogChange();
        heap.insert(txn, codec.encode(row));
        // catalog changes are visible to the rest of the statement, as after PostgreSQL's CommandCounterIncrement
        txn.commandCounterIncrement();
    }

    /** Deletes the matching rows; returns how many. */
    public int delete(Transaction txn, Predicate<Object[]> match) {
        txn.markCatalogChange();
        int n = 0;
        for (Iterator<HeapTuple> it = heap.scan(txn.snapshot()); it.hasNext(); ) {
            HeapTuple t = it.next();
            if (match.test(codec.decode(t.payload()))) {
                check(heap.delete(txn, t.tid(), WaitPolicy.BLOCK));
                n++;
            }
        }
        txn.commandCounterIncrement();
        return n;
    }

    /** Replaces the matching rows by {@code change} of them; returns how many. */
    public int update(Transaction txn, Predicate<Object[]> match, UnaryOperator<Object[]> change) {
        txn.markCatalogChange();
        int n = 0;
        for (Iterator<HeapTuple> it = heap.scan(txn.snapshot()); it.hasNext(); ) {
            HeapTuple t = it.next();
            Object[] row = codec.decode(t.payload());
            if (match.test(row)) {
                check(heap.update(txn, t.tid(), codec.encode(change.apply(row)), true, WaitPolicy.BLOCK));
                n++;
            }
        }
        txn.commandCounterIncrement();
        return n;
    }

    private static void check(WriteResult result) {
        if (!(result instanceof WriteResult.Ok)) {
            // two sessions changed one catalog row at once: PostgreSQL reports the same
            throw PgException.of(SqlState.T_R_SERIALIZATION_FAILURE, "tuple concurrently updated");
        }
    }
}
