package org.lakepg.server.exec.operator;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.sql.plan.ModifyNode;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.RowCodec;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;

/**
 * The rows of an INSERT that nothing watches one at a time (no row triggers, ON CONFLICT, RETURNING or parent's
 * transition table) stored a batch at a time: the heap fills each page with as many of them as fit and logs it as
 * one record, as COPY does, instead of a page change and a WAL record per row (INSERT ... SELECT of 200,000 rows
 * spent about a third of its time there). What a row-at-a-time insert reports stays the same: NOT NULL and CHECK
 * are evaluated in row order, a failing row's predecessors are stored first (a unique violation among them is
 * what the statement reports, as it would have been hit first), and index entries go in row order.
 */
final class InsertBatch {
    /** Rows per heap multi-insert: a few pages of typical rows, little memory for wide ones. */
    static final int ROWS = 256;

    private final TableInfo table;
    private final List<IndexInfo> indexes;
    private final RowCodec codec;
    private final Transaction txn;
    private final ExecContext context;
    private final java.util.function.Consumer<Object[]> afterWrite;
    private final List<Object[]> rows = new ArrayList<>(ROWS);

    /** {@code afterWrite} runs for each stored row in order (statistics, foreign-key checks at statement end). */
    InsertBatch(TableInfo table, List<IndexInfo> indexes, RowCodec codec, Transaction txn, ExecContext context,
                java.util.function.Consumer<Object[]> afterWrite) {
        this.table = table;
        this.indexes = indexes;
        this.codec = codec;
        this.txn = txn;
        this.context = context;
        this.afterWrite = afterWrite;
    }

    /** Whether an INSERT can go through a batch: nothing needs each row's effects before the next row is read. */
    static boolean applies(ModifyNode node, boolean rowTriggers, boolean upsert, boolean parentCaptures) {
        return node.kind() == ModifyNode.Kind.INSERT && node.returning().isEmpty() && !rowTriggers && !upsert
                && !parentCaptures;
    }

    /** Adds a row whose constraints {@code check} verifies; stores the batch when it is full. */
    void add(Object[] row, java.util.function.Consumer<Object[]> check) {
        try {
            check.accept(row);
        } catch (PgException e) {
            flush(); // the rows before it come first, with any unique violation of theirs
            throw e;
        }
        rows.add(row);
        if (rows.size() >= ROWS) {
            flush();
        }
    }

    /** Stores the rows added since the last flush. */
    void flush() {
        if (rows.isEmpty()) {
            return;
        }
        try {
            context.tables().catalog().insertRows(txn, table, indexes, codec, rows);
        } catch (PgException e) {
            throw TableOperators.withVisibleKey(e, table, indexes, context);
        }
        for (Object[] row : rows) {
            afterWrite.accept(row);
        }
        rows.clear();
    }
}
