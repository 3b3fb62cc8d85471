package org.lakepg.server.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.lakepg.server.access.btree.BTreeIndex;
import org.lakepg.server.access.btree.IndexEntry;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.HeapTuple;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Fills a new index (CREATE INDEX, ADD PRIMARY KEY/UNIQUE, REINDEX) from the rows its transaction sees: the entries
 * are collected, sorted and loaded bottom-up, and a unique index is checked by comparing neighbours in the sorted
 * run (as PostgreSQL's tuplesort does). Only when the entries would take more memory than {@link #memoryBudget}
 * are the ones beyond it inserted one by one into the tree built from the first part.
 */
final class IndexBuild {

    /** Rough bytes an entry takes while collected: the key plus the entry, tid and array objects around it. */
    private static final int ENTRY_OVERHEAD = 80;

    private final TableCatalog tables;
    private final TableInfo table;
    private final IndexInfo index;
    private final BTreeIndex btree;

    IndexBuild(TableCatalog tables, TableInfo table, IndexInfo index, BTreeIndex btree) {
        this.tables = tables;
        this.table = table;
        this.index = index;
        this.btree = btree;
    }

    /** At most a quarter of the heap, at most 512 MiB: like maintenance_work_mem, a bound on one build's sort. */
    static long memoryBudget() {
        return Math.min(Runtime.getRuntime().maxMemory() / 4, 512L << 20);
    }

    void run(Transaction txn) {
        HeapRelation heap = tables.heap(table);
        RowCodec codec = new RowCodec(table.columnTypes());
        // sized for a few dozen rows a page up front: growing a list of millions step by step showed in profiles
        List<IndexEntry> entries = new ArrayList<>((int) Math.min((long) heap.blockCount() * 32, 1 << 22));
        // tids of rows a unique index does not check (a key with a NULL): they may share their key
        Set<Long> unchecked = new HashSet<>();
        long budget = memoryBudget();
        long used = 0;
        boolean[] keyColumns = keyColumns();
        Iterator<HeapTuple> it = heap.scan(txn.snapshot());
        while (used < budget && it.hasNext()) {
            HeapTuple t = it.next();
            Object[] row = codec.decode(t.payload(), keyColumns);
            if (!IndexKeys.covered(index, table, row)) {
                continue;
            }
            if (index.unique() && IndexKeys.hasNull(index, table, row)) {
                unchecked.add(t.tid().pack());
            }
            for (byte[] key : IndexKeys.entries(index, table, row)) {
                entries.add(new IndexEntry(key, t.tid()));
                used += key.length + ENTRY_OVERHEAD;
            }
        }
        entries.sort(btree.entryOrder());
        if (index.unique()) {
            checkNeighbours(txn, heap, codec, entries, unchecked);
        }
        btree.buildFromSorted(entries.iterator(), table.name());
        entries = null; // the rest of a table too large to sort at once goes in entry by entry
        while (it.hasNext()) {
            HeapTuple t = it.next();
            Object[] row = codec.decode(t.payload());
            if (!IndexKeys.covered(index, table, row)) {
                continue;
            }
            try {
                for (byte[] key : IndexKeys.entries(index, table, row)) {
                    btree.insert(txn, key, t.tid(), tables.uniqueCheck(index, table, row));
                }
            } catch (PgException e) {
                if (e.sqlState() != SqlState.UNIQUE_VIOLATION) {
                    throw e;
                }
                throw duplicated(row);
            }
        }
        txn.commandCounterIncrement();
    }

    /** The columns a plain index's keys are made of; null (every column) when expressions or a predicate decide. */
    private boolean[] keyColumns() {
        if (!index.plain() || index.gin()) {
            return null;
        }
        boolean[] wanted = new boolean[table.columnTypes().length];
        for (short c : index.columns()) {
            wanted[c - 1] = true;
        }
        return wanted;
    }

    /** Equal keys are neighbours once sorted: two checked ones make the index fail. */
    private void checkNeighbours(Transaction txn, HeapRelation heap, RowCodec codec, List<IndexEntry> sorted,
                                 Set<Long> unchecked) {
        for (int i = 1; i < sorted.size(); i++) {
            IndexEntry previous = sorted.get(i - 1);
            IndexEntry current = sorted.get(i);
            if (btree.comparator().compare(previous.key(), current.key()) == 0
                    && !unchecked.contains(previous.tid().pack()) && !unchecked.contains(current.tid().pack())) {
                throw duplicated(codec.decode(row(txn, heap, current.tid()).payload()));
            }
        }
    }

    private static HeapTuple row(Transaction txn, HeapRelation heap, Tid tid) {
        return heap.fetch(txn.snapshot(), tid).orElseThrow(() ->
                new IllegalStateException("row " + tid + " of a sorted index build vanished"));
    }

    private PgException duplicated(Object[] row) {
        return PgException.of(SqlState.UNIQUE_VIOLATION, "could not create unique index \"%s\"", index.name())
                .withDetail("Key " + IndexKeys.detail(index, table, row) + " is duplicated.");
    }
}
