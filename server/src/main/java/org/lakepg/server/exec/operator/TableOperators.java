package org.lakepg.server.exec.operator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.HeapTuple;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.access.heap.WriteResult;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.sql.plan.ModifyNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.RowCodec;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.server.txn.WaitPolicy;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** Operators on tables: sequential scan and INSERT / UPDATE / DELETE with RETURNING. */
final class TableOperators {
    private TableOperators() {}

    static Iterator<Object[]> seqScan(SeqScanNode node, ExecContext context) {
        Transaction txn = context.tables().transaction();
        HeapRelation heap = context.tables().heap(node.table());
        RowCodec codec = new RowCodec(node.table().columnTypes());
        Iterator<HeapTuple> tuples = heap.scan(context.scanSnapshot());
        int columns = node.table().columns().size();
        var activity = context.tables().activity().relation(node.table().oid());
        activity.seqScan();
        return new RowIterator() {
            @Override
            protected Object[] computeNext() {
                if (!tuples.hasNext()) {
                    return null;
                }
                context.checkCancelled();
                activity.seqTupleRead();
                return row(tuples.next(), codec, node.withTid(), columns);
            }
        };
    }

    /** A scanned row, followed by its tuple id when an UPDATE or DELETE needs it. */
    private static Object[] row(HeapTuple tuple, RowCodec codec, boolean withTid, int columns) {
        Object[] row = codec.decode(tuple.payload());
        if (!withTid) {
            return row;
        }
        Object[] out = java.util.Arrays.copyOf(row, columns + 1);
        out[columns] = tuple.tid();
        return out;
    }

    static Iterator<Object[]> indexScan(org.lakepg.server.sql.plan.IndexScanNode node, CompiledExpr key,
                                        ExecContext context) {
        Object value = key.eval(new Object[0], context);
        if (value == null) {
            return java.util.Collections.emptyIterator();
        }
        byte[] bytes = org.lakepg.server.table.IndexKeys.ofValue(node.index(),
                org.lakepg.server.index.IndexExpressions.keyTypes(node.index(), node.table())[0], value);
        var bound = org.lakepg.server.access.btree.ScanBound.inclusive(bytes);
        var entries = context.tables().catalog().btree(node.index()).scan(bound, bound, true);
        return fetched(node, entries, context.scanSnapshot(), context, row -> true);
    }

    /**
     * The rows of an index scan: the version of each entry's row the snapshot sees, each row once, those {@code keep}
     * accepts, followed by their tuple id when the node asks for it.
     */
    static Iterator<Object[]> fetched(org.lakepg.server.sql.plan.IndexScanNode node,
                                      Iterator<org.lakepg.server.access.btree.IndexEntry> entries,
                                      org.lakepg.server.txn.Snapshot snapshot, ExecContext context,
                                      java.util.function.Predicate<Object[]> keep) {
        HeapRelation heap = context.tables().heap(node.table());
        RowCodec codec = new RowCodec(node.table().columnTypes());
        int columns = node.table().columns().size();
        DistinctTids seen = new DistinctTids();
        var activity = context.tables().activity().relation(node.index().oid());
        activity.indexScan();
        return new RowIterator() {
            @Override
            protected Object[] computeNext() {
                while (entries.hasNext()) {
                    context.checkCancelled();
                    var found = heap.fetchThroughChain(snapshot, entries.next().tid());
                    activity.indexTupleRead(found.isPresent());
                    if (found.isEmpty() || !seen.add(found.get().tid())) {
                        continue;
                    }
                    Object[] row = row(found.get(), codec, node.withTid(), columns);
                    if (keep.test(row)) {
                        return row;
                    }
                }
                return null;
            }
        };
    }

    /**
     * Runs the whole modification at once (its effects must not be seen by its own input, which
     * the command id guarantees) and returns the RETURNING rows, or one empty row per written row.
     */
    static Iterator<Object[]> modify(ModifyNode node, Iterator<Object[]> input, ExprCompiler compiler,
                                     ExecContext context) {
        if (node.kind() == ModifyNode.Kind.MERGE) {
            return MergeOperator.run(node, input, compiler, context);
        }
        Transaction txn = context.tables().transaction();
        TableInfo table = node.table();
        HeapRelation heap = context.tables().heap(table);
        RowCodec codec = new RowCodec(table.columnTypes());
        // most statements have neither RETURNING nor CHECK constraints: no stream for an empty list
        List<CompiledExpr> returning = node.returning().isEmpty() ? List.of()
                : node.returning().stream().map(compiler::compile).toList();
        int width = table.columns().size();
        var catalog = context.tables().catalog();
        List<org.lakepg.server.table.IndexInfo> indexes = catalog.indexes(txn.snapshot(), table.oid());
        Recheck recheck = Recheck.of(node, compiler);
        List<CompiledExpr> checks = node.checks().isEmpty() ? List.of()
                : node.checks().stream().map(c -> compiler.compile(c.condition())).toList();
        var foreignKeys = new org.lakepg.server.exec.constraint.ForeignKeys(context.tables(),
                context.tables().deferredChecks());
        boolean keysUnused = foreignKeys.unused(table);
        SpeculativeInsert upsert = node.onConflict() == null ? null
                : new SpeculativeInsert(node.onConflict(), table, indexes, codec, compiler, context);
        SpeculativeInsert.Writer keys = new SpeculativeInsert.Writer() {
            @Override
            public void inserted(Object[] row) {
                if (!keysUnused) {
                    foreignKeys.referencingRowWritten(table, null, row);
                }
            }

            @Override
            public void updated(Object[] oldRow, Object[] newRow) {
                if (!keysUnused) {
                    foreignKeys.referencedRowChanged(table, oldRow, newRow);
                    foreignKeys.referencingRowWritten(table, oldRow, newRow);
                }
            }
        };
        var activity = context.tables().activity().relation(table.oid());
        org.lakepg.server.exec.TableTriggers triggers = context.triggers(table,
                org.lakepg.server.exec.TableTriggers.Event.valueOf(node.kind().name()));
        if (triggers != null) {
            if (node.kind() == ModifyNode.Kind.UPDATE && node.input() instanceof org.lakepg.server.sql.plan.ProjectNode p) {
                // a column the SET list leaves alone is projected straight from the old row
                boolean[] targeted = new boolean[width];
                for (int i = 0; i < width && i < p.expressions().size(); i++) {
                    targeted[i] = !(p.expressions().get(i) instanceof org.lakepg.server.sql.plan.expr.InputRef r
                            && r.index() == i);
                }
                triggers.updatedColumns(targeted);
            }
            triggers.beforeStatement();
        }
        // a member of a parent the statement names: the parent's transition tables get its rows
        org.lakepg.server.exec.ParentStatement parent = context.parentStatement() != null
                && context.parentStatement().capturesRows() ? context.parentStatement() : null;
        // one input row written; its RETURNING values (an empty row without RETURNING), or null when it was skipped
        java.util.function.UnaryOperator<Object[]> write = row -> {
            context.checkCancelled();
            Object[] written;
            Object[] oldForTriggers = null;
            Tid writtenTid;
            switch (node.kind()) {
                case INSERT -> {
                    if (triggers != null) {
                        row = triggers.beforeRow(row, null);
                        if (row == null) {
                            return null;
                        }
                    }
                    checkRow(table, node, checks, row, context);
                    if (upsert != null) {
                        written = upsert.apply(row, r -> checkRow(table, node, checks, r, context), keys);
                        if (written == null) {
                            return null;
                        }
                        writtenTid = upsert.lastWritten();
                        break;
                    }
                    try {
                        writtenTid = catalog.insertRow(txn, table, indexes, codec, row);
                    } catch (PgException e) {
                        throw withVisibleKey(e, table, indexes, context);
                    }
                    activity.inserted();
                    if (!keysUnused) {
                        foreignKeys.referencingRowWritten(table, null, row);
                    }
                    written = row;
                }
                case UPDATE -> {
                    Object[] newRow = java.util.Arrays.copyOf(row, width);
                    Tid target = (Tid) row[width];
                    if (parent != null && triggers == null) {
                        oldForTriggers = heap.fetch(txn.snapshot(), target).map(t -> codec.decode(t.payload())).orElse(null);
                    }
                    if (triggers != null) {
                        oldForTriggers = heap.fetch(txn.snapshot(), target).map(t -> codec.decode(t.payload())).orElse(null);
                        if (oldForTriggers != null && !context.takeBeforeRowTriggersRan(row)) {
                            newRow = triggers.beforeRow(newRow, oldForTriggers);
                            if (newRow == null) {
                                return null;
                            }
                        }
                    }
                    checkRow(table, node, checks, newRow, context);
                    // HOT (no new index entries) when no indexed column changed
                    WriteResult r = heap.update(txn, target, codec.encode(newRow),
                            sameIndexKeys(indexes, table, codec, newRow), WaitPolicy.BLOCK);
                    while (r instanceof WriteResult.Updated updated) {
                        // READ COMMITTED: re-check the newest version and, if it still qualifies, update that one
                        Object[] again = recheck.latest(heap, codec, txn, updated.newer(), width, context);
                        if (again == null) {
                            break;
                        }
                        newRow = java.util.Arrays.copyOf(again, width);
                        checkRow(table, node, checks, newRow, context);
                        target = (Tid) again[width];
                        r = heap.update(txn, target, codec.encode(newRow),
                                sameIndexKeys(indexes, table, codec, newRow), WaitPolicy.BLOCK);
                    }
                    if (!accepted(r)) {
                        return null;
                    }
                    activity.updated();
                    Tid newTid = ((WriteResult.Ok) r).tid();
                    writtenTid = newTid;
                    if (!indexes.isEmpty() && !heap.isHeapOnly(newTid)) {
                        try {
                            catalog.indexRow(txn, table, indexes, newRow, newTid);
                        } catch (PgException e) {
                            throw withVisibleKey(e, table, indexes, context);
                        }
                    }
                    if (!keysUnused) {
                        Object[] oldRow = heap.fetch(txn.snapshot(), target).map(t -> codec.decode(t.payload())).orElse(null);
                        if (oldRow != null) {
                            foreignKeys.referencedRowChanged(table, oldRow, newRow);
                        }
                        foreignKeys.referencingRowWritten(table, oldRow, newRow);
                    }
                    written = newRow;
                    if (row.length > width + 1) {
                        // UPDATE ... FROM: RETURNING may read the other items' columns after the tid
                        written = java.util.Arrays.copyOf(row, row.length);
                        System.arraycopy(newRow, 0, written, 0, width);
                    }
                }
                case DELETE -> {
                    Object[] current = row;
                    writtenTid = (Tid) row[width];
                    if (triggers != null && triggers.beforeRow(null, java.util.Arrays.copyOf(row, width)) == null) {
                        return null;
                    }
                    WriteResult r = heap.delete(txn, (Tid) row[width], WaitPolicy.BLOCK);
                    while (r instanceof WriteResult.Updated updated) {
                        Object[] again = recheck.latest(heap, codec, txn, updated.newer(), width, context);
                        if (again == null) {
                            break;
                        }
                        current = again;
                        writtenTid = (Tid) again[width];
                        r = heap.delete(txn, writtenTid, WaitPolicy.BLOCK);
                    }
                    if (!accepted(r)) {
                        return null;
                    }
                    activity.deleted();
                    written = java.util.Arrays.copyOf(current, width);
                    if (!keysUnused) {
                        foreignKeys.referencedRowDeleted(table, written);
                    }
                    if (current.length > width + 1) {
                        written = current; // DELETE ... USING: RETURNING may read the other items' columns
                    }
                }
                default -> throw new IllegalStateException();
            }
            if (triggers != null) {
                switch (node.kind()) {
                    case INSERT -> triggers.afterRow(written, null);
                    case UPDATE -> triggers.afterRow(written, oldForTriggers);
                    case DELETE -> triggers.afterRow(null, written);
                    default -> { }
                }
            }
            if (parent != null) {
                Object[] mine = java.util.Arrays.copyOf(written, width);
                switch (node.kind()) {
                    case INSERT -> parent.written(org.lakepg.server.exec.TableTriggers.Event.INSERT, table, mine, null);
                    case UPDATE -> parent.written(org.lakepg.server.exec.TableTriggers.Event.UPDATE, table, mine,
                            oldForTriggers);
                    case DELETE -> parent.written(org.lakepg.server.exec.TableTriggers.Event.DELETE, table, null, mine);
                    default -> { }
                }
            }
            if (returning.isEmpty()) {
                return new Object[0];
            }
            // RETURNING reads the system columns (ctid, xmin, ...) of the version written through its tid
            Object[] returned = written.length > width ? written.clone() : java.util.Arrays.copyOf(written, width + 1);
            returned[width] = writtenTid;
            Object[] result = new Object[returning.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = returning.get(i).eval(returned, context);
            }
            return result;
        };
        Runnable finish = () -> {
            foreignKeys.finishStatement();
            if (triggers != null) {
                triggers.afterStatement();
            }
        };
        if (context.runsLazily(node)) {
            return LazyModify.rows(input, write, finish);
        }
        List<Object[]> out = new ArrayList<>();
        if (InsertBatch.applies(node, triggers != null, upsert != null, parent != null)) {
            InsertBatch batch = new InsertBatch(table, indexes, codec, txn, context, row -> {
                activity.inserted();
                if (!keysUnused) {
                    foreignKeys.referencingRowWritten(table, null, row);
                }
                out.add(new Object[0]);
            });
            while (input.hasNext()) {
                context.checkCancelled();
                batch.add(input.next(), row -> checkRow(table, node, checks, row, context));
            }
            batch.flush();
            finish.run();
            return out.iterator();
        }
        while (input.hasNext()) {
            Object[] result = write.apply(input.next());
            if (result != null) {
                out.add(result);
            }
        }
        finish.run();
        return out.iterator();
    }

    /**
     * PostgreSQL's EvalPlanQual for UPDATE/DELETE over a (filtered) scan of the table: the newest
     * version of a concurrently updated row is fetched, the WHERE condition re-evaluated on it, and the
     * new values recomputed from it. Plans of another shape (joins, subqueries) fail with 40001.
     */
    private static final class Recheck {
        private final ModifyNode node;
        private final ExprCompiler compiler;
        private final boolean supported;
        // compiled on the first concurrent update: most statements never need them
        private CompiledExpr condition;
        private MultiAssignedRows.Projection projection;
        private boolean compiled;

        private Recheck(ModifyNode node, ExprCompiler compiler, boolean supported) {
            this.node = node;
            this.compiler = compiler;
            this.supported = supported;
        }

        static Recheck of(ModifyNode node, ExprCompiler compiler) {
            org.lakepg.server.sql.plan.PlanNode input = node.input();
            boolean projected = false;
            if (node.kind() == ModifyNode.Kind.UPDATE && input instanceof org.lakepg.server.sql.plan.ProjectNode p) {
                projected = true;
                input = p.input();
            }
            if (input instanceof org.lakepg.server.sql.plan.FilterNode f) {
                input = f.input();
            }
            boolean scan = input instanceof SeqScanNode || input instanceof org.lakepg.server.sql.plan.IndexScanNode;
            return new Recheck(node, compiler, scan && (node.kind() == ModifyNode.Kind.DELETE || projected));
        }

        private void compile() {
            org.lakepg.server.sql.plan.PlanNode input = node.input();
            if (node.kind() == ModifyNode.Kind.UPDATE && input instanceof org.lakepg.server.sql.plan.ProjectNode p) {
                projection = MultiAssignedRows.projection(p.expressions(), p.input().width(), compiler);
                input = p.input();
            }
            if (input instanceof org.lakepg.server.sql.plan.FilterNode f) {
                condition = compiler.compile(f.condition());
            }
            compiled = true;
        }

        /** The re-computed row (new values, then the tid to write) for the newest version, or null to skip it. */
        Object[] latest(HeapRelation heap, RowCodec codec, Transaction txn, Tid newer, int width, ExecContext context) {
            if (!supported) {
                throw PgException.of(SqlState.T_R_SERIALIZATION_FAILURE, "could not serialize access due to concurrent update");
            }
            if (!compiled) {
                compile();
            }
            var latest = heap.fetchLatest(txn, newer);
            if (latest.isEmpty()) {
                return null;
            }
            Object[] scanned = java.util.Arrays.copyOf(codec.decode(latest.get().payload()), width + 1);
            scanned[width] = latest.get().tid();
            if (condition != null && !Boolean.TRUE.equals(condition.eval(scanned, context))) {
                return null;
            }
            if (projection == null) {
                return scanned;
            }
            return projection.apply(scanned, context);
        }
    }

    /**
     * Whether the replaced version has the same key in every index as {@code newRow}: then the new version may be
     * heap-only (HOT), reached through the old version's index entries. Compared as encoded keys, as PostgreSQL
     * compares indexed columns by their binary image.
     */
    private static java.util.function.Predicate<byte[]> sameIndexKeys(List<org.lakepg.server.table.IndexInfo> indexes,
                                                                      TableInfo table, RowCodec codec, Object[] newRow) {
        if (indexes.isEmpty()) {
            return old -> true;
        }
        return old -> {
            Object[] oldRow = codec.decode(old);
            for (org.lakepg.server.table.IndexInfo index : indexes) {
                if (!org.lakepg.server.table.IndexKeys.sameEntries(index, table, oldRow, newRow)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** Ok writes count; a row this command already changed is skipped, as PostgreSQL does. */
    private static boolean accepted(WriteResult result) {
        return switch (result) {
            case WriteResult.Ok ok -> true;
            case WriteResult.SelfModified self -> false;
            case WriteResult.Skipped skipped -> false;
            case WriteResult.Deleted deleted -> false;
            // the newer version no longer qualified (or was deleted) on re-check
            case WriteResult.Updated updated -> false;
        };
    }

    /**
     * A unique violation's "Key (a)=(1) already exists." only for a user who may read every key column (PostgreSQL's
     * BuildIndexValueDescription); others get no detail.
     */
    static PgException withVisibleKey(PgException e, TableInfo table, List<org.lakepg.server.table.IndexInfo> indexes,
                                       ExecContext context) {
        if (e.sqlState() != SqlState.UNIQUE_VIOLATION || e.detail() == null) {
            return e;
        }
        java.util.BitSet visible = context.visibleColumns(table.oid(), false);
        if (visible == null) {
            return e;
        }
        for (org.lakepg.server.table.IndexInfo index : indexes) {
            if (e.getMessage().endsWith("\"" + index.name() + "\"")) {
                return index.expressions().isEmpty() && index.columns().stream().allMatch(c -> visible.get(c)) ? e
                        : e.withDetail(null);
            }
        }
        return e.withDetail(null);
    }

    static void checkRow(TableInfo table, ModifyNode node, List<CompiledExpr> checks, Object[] row,
                                 ExecContext context) {
        try {
            org.lakepg.server.exec.constraint.RowChecks.notNull(table, row, context);
            org.lakepg.server.exec.constraint.RowChecks.check(table, node.checks(), checks, row, context);
        } catch (PgException e) {
            context.constraintFailed(row);
            throw e;
        }
    }
}
