package org.lakepg.server.exec.constraint;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.lakepg.server.access.btree.ScanBound;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.HeapTuple;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.access.heap.WriteResult;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.exec.TableAccess;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.ConstraintInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.IndexKeys;
import org.lakepg.server.table.RowCodec;
import org.lakepg.server.table.RowText;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.server.txn.WaitPolicy;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Foreign keys for one data-changing statement (PostgreSQL's RI triggers): a new or changed referencing row must
 * find its key in the referenced table; a deleted or re-keyed referenced row applies each referencing key's
 * action. CASCADE / SET NULL / RESTRICT act at once; the NO ACTION checks and the referencing-side checks run at
 * the end of the statement (so a statement may insert parent and child together), or at commit when deferred.
 */
public final class ForeignKeys {
    private final TableAccess tables;
    private final TableCatalog catalog;
    private final Transaction txn;
    private final DeferredChecks deferred;
    private final List<Runnable> endOfStatement = new ArrayList<>();

    public ForeignKeys(TableAccess tables, DeferredChecks deferred) {
        this.tables = tables;
        this.catalog = tables.catalog();
        this.txn = tables.transaction();
        this.deferred = deferred;
    }

    /** True if neither side of any foreign key involves this table (the common case costs one lookup). */
    public boolean unused(TableInfo table) {
        return !catalog.involvedInForeignKeys(txn.snapshot(), table.oid());
    }

    /** A row was inserted ({@code oldRow} null) or updated in a table that may reference others. */
    public void referencingRowWritten(TableInfo table, Object[] oldRow, Object[] newRow) {
        for (ConstraintInfo fk : catalog.constraints(txn.snapshot(), table.oid())) {
            if (fk.type() != ConstraintInfo.FOREIGN_KEY) {
                continue;
            }
            Object[] key = KeyValues.of(newRow, fk.columns());
            if (KeyValues.anyNull(key)) {
                requireMatchFull(table, fk, key);
                continue;
            }
            if (oldRow != null && KeyValues.equal(key, KeyValues.of(oldRow, fk.columns()))) {
                continue;
            }
            if (deferred != null && deferred.isDeferred(fk)) {
                // at commit the row may be gone again (deleted, or rolled back to a savepoint): then nothing to check
                TableInfo self = table;
                deferred.add(fk, () -> {
                    TableInfo current = catalog.findByOid(txn.snapshot(), self.oid()).orElse(null);
                    if (current != null && !referencingRows(current, fk, key).isEmpty()) {
                        requireReferenced(current, fk, newRow);
                    }
                });
            } else {
                endOfStatement.add(() -> requireReferenced(table, fk, newRow));
            }
        }
    }

    private void schedule(ConstraintInfo fk, Runnable check) {
        if (deferred != null && deferred.isDeferred(fk)) {
            deferred.add(fk, check);
        } else {
            endOfStatement.add(check);
        }
    }

    /** MATCH FULL: a key is either all NULL (not checked) or has no NULL at all. */
    public static void requireMatchFull(TableInfo table, ConstraintInfo fk, Object[] key) {
        if (fk.matchType() != 'f') {
            return;
        }
        for (Object v : key) {
            if (v != null) {
                throw PgException.of(SqlState.FOREIGN_KEY_VIOLATION,
                        "insert or update on table \"%s\" violates foreign key constraint \"%s\"", table.name(),
                        fk.name()).withDetail("MATCH FULL does not allow mixing of null and nonnull key values.");
            }
        }
    }

    /** The referenced key of a new referencing row must exist (as the transaction sees it now). */
    public void requireReferenced(TableInfo table, ConstraintInfo fk, Object[] row) {
        TableInfo parent = catalog.findByOid(txn.snapshot(), fk.refTable()).orElse(null);
        if (parent == null || catalog.constraints(txn.snapshot(), table.oid()).stream()
                .noneMatch(c -> c.oid() == fk.oid())) {
            return; // the constraint or its table went away before the check ran
        }
        Object[] key = KeyValues.of(row, fk.columns());
        if (!parentHasKey(parent, fk.refColumns(), key)) {
            throw PgException.of(SqlState.FOREIGN_KEY_VIOLATION,
                    "insert or update on table \"%s\" violates foreign key constraint \"%s\"", table.name(), fk.name())
                    .withDetail("Key " + RowText.key(table, fk.columns(), row) + " is not present in table \""
                            + parent.name() + "\".");
        }
    }

    /** A referenced row was deleted. */
    public void referencedRowDeleted(TableInfo table, Object[] oldRow) {
        referencedRowChanged(table, oldRow, null);
    }

    /** A referenced row was deleted ({@code newRow} null) or updated. */
    public void referencedRowChanged(TableInfo table, Object[] oldRow, Object[] newRow) {
        for (ConstraintInfo fk : catalog.referencingForeignKeys(txn.snapshot(), table.oid())) {
            Object[] oldKey = KeyValues.of(oldRow, fk.refColumns());
            if (KeyValues.anyNull(oldKey)) {
                continue;
            }
            Object[] newKey = newRow == null ? null : KeyValues.of(newRow, fk.refColumns());
            if (newKey != null && KeyValues.equal(oldKey, newKey)) {
                continue;
            }
            TableInfo child = catalog.findByOid(txn.snapshot(), fk.tableOid()).orElseThrow();
            long[] keyTypes = typesOf(table, fk.refColumns());
            char action = newRow == null ? fk.onDelete() : fk.onUpdate();
            switch (action) {
                case 'r' -> {
                    if (!referencingRows(child, fk, oldKey, keyTypes).isEmpty()) {
                        throw stillReferenced(table, child, fk, oldRow);
                    }
                }
                case 'c' -> {
                    long[] columnTypes = typesOf(child, fk.columns());
                    for (Object[] r : referencingRows(child, fk, oldKey, keyTypes)) {
                        if (newRow == null) {
                            deleteRow(child, r);
                        } else {
                            Object[] changed = copy(r, child);
                            for (int i = 0; i < fk.columns().size(); i++) {
                                // the new key in the referencing column's type (an int8 key into an int4 column)
                                changed[fk.columns().get(i) - 1] = newKey[i] == null || keyTypes[i] == columnTypes[i]
                                        ? newKey[i] : WireTypeIO.viaText(newKey[i], keyTypes[i], columnTypes[i]);
                            }
                            updateRow(child, r, changed);
                        }
                    }
                }
                case 'n', 'd' -> {
                    for (Object[] r : referencingRows(child, fk, oldKey, keyTypes)) {
                        Object[] changed = copy(r, child);
                        for (short c : fk.columns()) {
                            changed[c - 1] = action == 'n' ? null : constantDefault(child, c);
                        }
                        updateRow(child, r, changed);
                    }
                    if (action == 'd') {
                        // the default must itself be a referenced key, checked like any new referencing row
                        schedule(fk, () -> {
                            Object[] defaults = new Object[child.columns().size()];
                            for (short c : fk.columns()) {
                                defaults[c - 1] = constantDefault(child, c);
                            }
                            if (!KeyValues.anyNull(KeyValues.of(defaults, fk.columns()))) {
                                requireReferenced(child, fk, defaults);
                            }
                        });
                    }
                }
                default -> schedule(fk, () -> {
                    TableInfo parent = catalog.findByOid(txn.snapshot(), fk.refTable()).orElse(null);
                    if (parent != null && !parentHasKey(parent, fk.refColumns(), oldKey)
                            && !referencingRows(child, fk, oldKey, keyTypes).isEmpty()) {
                        throw stillReferenced(parent, child, fk, oldRow);
                    }
                });
            }
        }
    }

    private static PgException stillReferenced(TableInfo parent, TableInfo child, ConstraintInfo fk, Object[] oldRow) {
        return PgException.of(SqlState.FOREIGN_KEY_VIOLATION,
                "update or delete on table \"%s\" violates foreign key constraint \"%s\" on table \"%s\"",
                parent.name(), fk.name(), child.name())
                .withDetail("Key " + RowText.key(parent, fk.refColumns(), oldRow) + " is still referenced from table \""
                        + child.name() + "\".");
    }

    /** Runs the checks postponed to the end of the statement, seeing everything the statement did. */
    public void finishStatement() {
        if (endOfStatement.isEmpty()) {
            return;
        }
        txn.commandCounterIncrement();
        List<Runnable> checks = new ArrayList<>(endOfStatement);
        endOfStatement.clear();
        for (Runnable check : checks) {
            check.run();
        }
    }

    private static Object[] copy(Object[] row, TableInfo table) {
        return java.util.Arrays.copyOf(row, table.columns().size());
    }

    /** SET DEFAULT supports constant defaults (a literal, possibly cast); others would need the analyzer. */
    private static Object constantDefault(TableInfo table, short attnum) {
        ColumnInfo column = table.columns().get(attnum - 1);
        if (column.defaultExpr() == null) {
            return null;
        }
        String text = column.defaultExpr().replaceAll("::[a-z ]+$", "").replaceAll("^\\((.*)\\)$", "$1");
        try {
            Object value = org.lakepg.server.exec.expr.WireTypeIO.codec(column.type()).parseText(
                    text.startsWith("'") ? text.substring(1, text.length() - 1).replace("''", "'") : text,
                    org.lakepg.wire.types.FormatSettings.defaults());
            return value;
        } catch (RuntimeException notConstant) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "ON DELETE/UPDATE SET DEFAULT with a non-constant default is not supported yet");
        }
    }

    private boolean parentHasKey(TableInfo parent, List<Short> refColumns, Object[] key) {
        HeapRelation heap = tables.heap(parent);
        RowCodec codec = new RowCodec(parent.columnTypes());
        IndexInfo index = keyIndex(parent, refColumns);
        if (index != null) {
            Object[] shape = new Object[parent.columns().size()];
            for (int i = 0; i < key.length; i++) {
                shape[refColumns.get(i) - 1] = key[i];
            }
            byte[] bytes = IndexKeys.of(index, parent, shape);
            var bound = ScanBound.inclusive(bytes);
            for (var it = catalog.btree(index).scan(bound, bound, true); it.hasNext(); ) {
                var found = heap.fetchThroughChain(txn.snapshot(), it.next().tid());
                if (found.isPresent() && KeyValues.equal(key, KeyValues.of(codec.decode(found.get().payload()),
                        refColumns))) {
                    return true;
                }
            }
            return false;
        }
        for (Iterator<HeapTuple> it = heap.scan(txn.snapshot()); it.hasNext(); ) {
            if (KeyValues.equal(key, KeyValues.of(codec.decode(it.next().payload()), refColumns))) {
                return true;
            }
        }
        return false;
    }

    private IndexInfo keyIndex(TableInfo parent, List<Short> columns) {
        for (IndexInfo index : catalog.indexes(txn.snapshot(), parent.oid())) {
            if (index.unique() && index.plain() && index.columns().size() == columns.size() && index.columns().containsAll(columns)) {
                return index;
            }
        }
        return null;
    }

    /**
     * Rows of the referencing table whose key equals {@code key}, each followed by its tuple id: through a B-tree
     * index that leads with the foreign key's columns when the table has one (as PostgreSQL's RI query would use
     * it), else by a scan of the whole table.
     */
    private List<Object[]> referencingRows(TableInfo child, ConstraintInfo fk, Object[] key) {
        return referencingRows(child, fk, key, typesOf(child, fk.columns()));
    }

    /** As above, for a key whose values are of {@code keyTypes} (the referenced table's columns). */
    private List<Object[]> referencingRows(TableInfo child, ConstraintInfo fk, Object[] key, long[] keyTypes) {
        HeapRelation heap = tables.heap(child);
        RowCodec codec = new RowCodec(child.columnTypes());
        List<Object[]> out = new ArrayList<>();
        IndexInfo index = leadingIndex(child, fk.columns(), keyTypes);
        if (index != null) {
            var range = prefixRange(index, child, fk.columns(), key);
            java.util.Set<Tid> seen = new java.util.HashSet<>();
            for (var it = catalog.btree(index).scan(range[0], range[1], true); it.hasNext(); ) {
                var found = heap.fetchThroughChain(txn.snapshot(), it.next().tid());
                if (found.isPresent() && seen.add(found.get().tid())) {
                    Object[] row = codec.decode(found.get().payload());
                    if (KeyValues.equal(key, KeyValues.of(row, fk.columns()))) {
                        out.add(withTid(row, found.get().tid()));
                    }
                }
            }
            return out;
        }
        for (Iterator<HeapTuple> it = heap.scan(txn.snapshot()); it.hasNext(); ) {
            HeapTuple t = it.next();
            Object[] row = codec.decode(t.payload());
            if (KeyValues.equal(key, KeyValues.of(row, fk.columns()))) {
                out.add(withTid(row, t.tid()));
            }
        }
        return out;
    }

    private static Object[] withTid(Object[] row, Tid tid) {
        Object[] out = java.util.Arrays.copyOf(row, row.length + 1);
        out[row.length] = tid;
        return out;
    }

    /** A whole-table B-tree index whose first key columns are exactly {@code columns}, in any order. */
    private IndexInfo leadingIndex(TableInfo table, List<Short> columns, long[] keyTypes) {
        if (!sameKeyEncoding(table, columns, keyTypes)) {
            return null;
        }
        for (IndexInfo index : catalog.indexes(txn.snapshot(), table.oid())) {
            if (IndexInfo.BTREE.equals(index.method()) && index.plain() && index.columns().size() >= columns.size()
                    && index.columns().subList(0, columns.size()).containsAll(columns)) {
                return index;
            }
        }
        return null;
    }

    /**
     * Whether values of {@code keyTypes} have the key bytes of the columns' own types: the same type, or integers of
     * any width (an int4 column referencing an int8 key); otherwise the table is scanned.
     */
    private static boolean sameKeyEncoding(TableInfo table, List<Short> columns, long[] keyTypes) {
        for (int i = 0; i < columns.size(); i++) {
            long type = table.columns().get(columns.get(i) - 1).type();
            if (type != keyTypes[i] && !(integer(type) && integer(keyTypes[i]))) {
                return false;
            }
        }
        return true;
    }

    private static boolean integer(long type) {
        return type == TypeOids.INT2 || type == TypeOids.INT4
                || type == TypeOids.INT8;
    }

    private static long[] typesOf(TableInfo table, List<Short> columns) {
        long[] types = new long[columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = table.columns().get(columns.get(i) - 1).type();
        }
        return types;
    }

    /** The scan range of the entries whose leading key columns equal {@code key}. */
    private static ScanBound[] prefixRange(IndexInfo index, TableInfo table,
                                                                          List<Short> columns, Object[] key) {
        java.io.ByteArrayOutputStream prefix = new java.io.ByteArrayOutputStream();
        for (int position = 0; position < columns.size(); position++) {
            short attnum = index.columns().get(position);
            Object value = key[columns.indexOf(attnum)];
            prefix.writeBytes(IndexKeys.ofValue(index, position, table.columns().get(attnum - 1).type(), value));
        }
        byte[] lower = prefix.toByteArray();
        byte[] upper = ScanBound.successor(lower);
        return new ScanBound[] {
                ScanBound.inclusive(lower),
                upper == null ? null : ScanBound.exclusive(upper)};
    }

    private void deleteRow(TableInfo table, Object[] rowWithTid) {
        int width = table.columns().size();
        WriteResult r = tables.heap(table).delete(txn, (Tid) rowWithTid[width], WaitPolicy.BLOCK);
        if (r instanceof WriteResult.SelfModified) {
            return;
        }
        requireOk(r);
        referencedRowDeleted(table, copy(rowWithTid, table));
    }

    private void updateRow(TableInfo table, Object[] oldWithTid, Object[] newRow) {
        int width = table.columns().size();
        RowChecks.notNull(table, newRow);
        List<IndexInfo> indexes = catalog.indexes(txn.snapshot(), table.oid());
        HeapRelation heap = tables.heap(table);
        WriteResult r = heap.update(txn, (Tid) oldWithTid[width], new RowCodec(table.columnTypes()).encode(newRow),
                indexes.isEmpty(), WaitPolicy.BLOCK);
        if (r instanceof WriteResult.SelfModified) {
            return;
        }
        requireOk(r);
        Tid newTid = ((WriteResult.Ok) r).tid();
        if (!indexes.isEmpty() && !heap.isHeapOnly(newTid)) {
            catalog.indexRow(txn, table, indexes, newRow, newTid);
        }
        Object[] oldRow = copy(oldWithTid, table);
        referencedRowChanged(table, oldRow, newRow);
        referencingRowWritten(table, oldRow, newRow);
    }

    private static void requireOk(WriteResult r) {
        if (!(r instanceof WriteResult.Ok)) {
            throw PgException.of(SqlState.T_R_SERIALIZATION_FAILURE, "could not serialize access due to concurrent update");
        }
    }
}
