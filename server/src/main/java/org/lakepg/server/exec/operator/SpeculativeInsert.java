package org.lakepg.server.exec.operator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.access.btree.IndexEntry;
import org.lakepg.server.access.btree.ScanBound;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.HeapTuple;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.access.heap.Visibility;
import org.lakepg.server.access.heap.WriteResult;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.sql.plan.OnConflict;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.IndexKeys;
import org.lakepg.server.table.RowCodec;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.LockMode;
import org.lakepg.server.txn.Transaction;
import org.lakepg.server.txn.WaitPolicy;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * INSERT ... ON CONFLICT for one proposed row, as PostgreSQL's ExecInsert does it: look in the arbiter indexes for a
 * live row with the same key (waiting for transactions still inserting or deleting one); with none, insert — and if
 * a concurrent inserter won the race after all (the unique check fails on an arbiter), kill the row just inserted
 * and look again. With a conflicting row, DO NOTHING skips the proposed row and DO UPDATE locks the existing row
 * and updates it from itself and EXCLUDED.
 */
final class SpeculativeInsert {

    /** What became of the proposed row: the row written (inserted or updated), or null when nothing was. */
    interface Writer {
        void inserted(Object[] row);

        void updated(Object[] oldRow, Object[] newRow);
    }

    private final OnConflict onConflict;
    private final TableInfo table;
    private final TableCatalog catalog;
    private final HeapRelation heap;
    private final RowCodec codec;
    private final List<IndexInfo> indexes;
    private final MultiAssignedRows.Projection newRow;
    private final CompiledExpr where;
    private final ExecContext context;
    private final Transaction txn;

    SpeculativeInsert(OnConflict onConflict, TableInfo table, List<IndexInfo> indexes, RowCodec codec,
                      ExprCompiler compiler, ExecContext context) {
        this.onConflict = onConflict;
        this.table = table;
        this.catalog = context.tables().catalog();
        this.heap = context.tables().heap(table);
        this.codec = codec;
        this.context = context;
        this.txn = context.tables().transaction();
        // the SET list reads the existing row followed by the proposed one
        this.newRow = MultiAssignedRows.projection(onConflict.newRow(), 2 * table.columns().size(), compiler);
        this.where = onConflict.where() == null ? null : compiler.compile(onConflict.where());
        // arbiters first: a lost race then leaves no entries of the killed row in other indexes
        List<IndexInfo> ordered = new ArrayList<>(onConflict.arbiters());
        indexes.stream().filter(i -> onConflict.arbiters().stream().noneMatch(a -> a.oid() == i.oid())).forEach(ordered::add);
        this.indexes = ordered;
    }

    /** Where the row {@link #apply} last wrote went (for RETURNING's system columns). */
    private Tid lastWritten;

    Tid lastWritten() {
        return lastWritten;
    }

    /**
     * Inserts {@code proposed} or resolves its conflict. {@code check} tests a row about to be written (NOT NULL,
     * CHECK); returns the row written, or null when the proposed row was skipped.
     */
    Object[] apply(Object[] proposed, java.util.function.Consumer<Object[]> check, Writer writer) {
        while (true) {
            context.checkCancelled();
            Tid conflict = findConflict(proposed);
            if (conflict == null) {
                if (tryInsert(proposed)) {
                    writer.inserted(proposed);
                    return proposed;
                }
                continue; // a concurrent insert of the same key committed first: look again
            }
            if (onConflict.action() == OnConflict.Action.NOTHING) {
                checkVisible(conflict);
                return null;
            }
            Optional<Object[]> updated = update(conflict, proposed, check, writer);
            if (updated != null) {
                return updated.orElse(null);
            }
        }
    }

    /** The root tid of a live row holding the proposed row's key in an arbiter index, or null. */
    private Tid findConflict(Object[] row) {
        while (true) {
            long waitFor = -1;
            Tid found = null;
            search:
            for (IndexInfo index : onConflict.arbiters()) {
                if (!IndexKeys.covered(index, table, row) || java.util.Arrays.stream(
                        org.lakepg.server.index.IndexExpressions.keyValues(index, table, row)).anyMatch(v -> v == null)) {
                    continue; // NULLs never conflict, nor rows a partial index leaves out
                }
                byte[] key = IndexKeys.of(index, table, row);
                Iterator<IndexEntry> entries = catalog.btree(index).scan(ScanBound.inclusive(key), ScanBound.inclusive(key),
                        true);
                while (entries.hasNext()) {
                    Tid tid = entries.next().tid();
                    Visibility.DirtyState state = heap.chainState(txn, tid,
                            payload -> Arrays.equals(IndexKeys.of(index, table, codec.decode(payload)), key));
                    if (state instanceof Visibility.DirtyState.Live) {
                        found = tid;
                        break search;
                    }
                    if (state instanceof Visibility.DirtyState.InProgress inProgress) {
                        waitFor = inProgress.xid();
                        break search;
                    }
                }
            }
            if (waitFor < 0) {
                return found;
            }
            heap.context().txns().waitFor(txn, waitFor);
        }
    }

    /** Inserts the row and its index entries; false (the row killed again) when an arbiter's unique check fails. */
    private boolean tryInsert(Object[] row) {
        Tid tid = heap.insert(txn, codec.encode(row));
        lastWritten = tid;
        for (IndexInfo index : indexes) {
            boolean arbiter = onConflict.arbiters().stream().anyMatch(a -> a.oid() == index.oid());
            if (!IndexKeys.covered(index, table, row)) {
                continue;
            }
            try {
                for (byte[] key : IndexKeys.entries(index, table, row)) {
                    catalog.btree(index).insert(txn, key, tid, catalog.uniqueCheck(index, table, row));
                }
            } catch (PgException e) {
                if (!arbiter || e.sqlState() != SqlState.UNIQUE_VIOLATION) {
                    throw e;
                }
                heap.delete(txn, tid, WaitPolicy.BLOCK);
                return false;
            }
        }
        return true;
    }

    /**
     * DO UPDATE of the conflicting row: null to start over (it changed concurrently), else the row written (empty
     * when the WHERE condition skipped it).
     */
    private Optional<Object[]> update(Tid root, Object[] proposed, java.util.function.Consumer<Object[]> check,
                                      Writer writer) {
        Optional<HeapTuple> latest = heap.fetchLatest(txn, root);
        if (latest.isEmpty()) {
            return null;
        }
        HeapTuple existing = latest.get();
        if (txn.isOwnXid(existing.xmax())) {
            // this transaction updated the row before: the version its own earlier commands made is the live one
            existing = heap.fetchThroughChain(txn.snapshot(), root).orElseThrow(SpeculativeInsert::affectedTwice);
        }
        if (txn.isOwnXid(existing.xmin()) && heap.fetch(txn.snapshot(), existing.tid()).isEmpty()) {
            throw affectedTwice(); // inserted or updated by this very command
        }
        WriteResult locked = heap.lock(txn, existing.tid(), LockMode.UPDATE, WaitPolicy.BLOCK);
        if (locked instanceof WriteResult.SelfModified) {
            throw affectedTwice();
        }
        if (!(locked instanceof WriteResult.Ok)) {
            return null;
        }
        checkVisible(root);
        Object[] oldRow = codec.decode(existing.payload());
        Object[] combined = Arrays.copyOf(oldRow, oldRow.length + proposed.length);
        System.arraycopy(proposed, 0, combined, oldRow.length, proposed.length);
        if (where != null && !Boolean.TRUE.equals(where.eval(combined, context))) {
            return Optional.empty();
        }
        Object[] row = newRow.apply(combined, context);
        check.accept(row);
        WriteResult r = heap.update(txn, existing.tid(), codec.encode(row), indexes.isEmpty(), WaitPolicy.BLOCK);
        if (r instanceof WriteResult.SelfModified) {
            // the SET list's subquery ran a WITH item that updated the row (ExecUpdate's TM_SelfModified): done
            return Optional.empty();
        }
        if (!(r instanceof WriteResult.Ok ok)) {
            return null;
        }
        if (!indexes.isEmpty() && !heap.isHeapOnly(ok.tid())) {
            catalog.indexRow(txn, table, indexes, row, ok.tid());
        }
        writer.updated(oldRow, row);
        lastWritten = ok.tid();
        return Optional.of(row);
    }

    /** REPEATABLE READ: a conflicting row this transaction's snapshot does not see is a serialization failure. */
    private void checkVisible(Tid root) {
        if (txn.isolation().usesTransactionSnapshot() && heap.fetchThroughChain(txn.snapshot(), root).isEmpty()
                && !ownRow(root)) {
            throw PgException.of(SqlState.T_R_SERIALIZATION_FAILURE, "could not serialize access due to concurrent update");
        }
    }

    private boolean ownRow(Tid root) {
        return heap.fetchLatest(txn, root).map(t -> txn.isOwnXid(t.xmin())).orElse(false);
    }

    private static PgException affectedTwice() {
        return PgException.of(SqlState.CARDINALITY_VIOLATION,
                "ON CONFLICT DO UPDATE command cannot affect row a second time")
                .withHint("Ensure that no rows proposed for insertion within the same command have duplicate constrained values.");
    }
}
