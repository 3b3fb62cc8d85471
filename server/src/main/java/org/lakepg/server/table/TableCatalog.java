package org.lakepg.server.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.access.heap.HeapOptions;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.HeapTuple;
import org.lakepg.server.txn.WaitPolicy;
import org.lakepg.server.access.sequence.Sequence;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The user tables of the database, kept in two heap relations of their own (like pg_class and
 * pg_attribute), so that DDL is transactional, WAL-logged, branchable and visible at any LSN like
 * every other row. OIDs come from a WAL-logged sequence, as PostgreSQL's OID counter.
 */
public final class TableCatalog {
    /** Relation ids of the catalog's own storage (below ReservedRelations.FIRST_USER_RELATION). */
    public static final int CLASS_RELATION = 3;
    static final int ATTRIBUTE_RELATION = 4;
    static final int OID_SEQUENCE = 5;
    public static final int INDEX_RELATION = 6;
    /** PostgreSQL's FirstNormalObjectId: user objects start here. */
    static final long FIRST_USER_OID = 16384;
    public static final long PUBLIC_NAMESPACE = 2200;

    /** oid, relname, relnamespace, relfilenode, toast relation. */
    private static final RowCodec CLASS_ROW = new RowCodec(new long[] {TypeOids.INT8, TypeOids.TEXT, TypeOids.INT8,
            TypeOids.INT4, TypeOids.INT4});
    private static final RowCodec ATTRIBUTE_ROW = new RowCodec(new long[] {TypeOids.INT8, TypeOids.INT2,
            TypeOids.TEXT, TypeOids.INT8, TypeOids.INT4, TypeOids.BOOL});

    /** oid, name, table oid, relation, unique, primary, column attnums ("1 2"). */
    private static final RowCodec INDEX_ROW = new RowCodec(new long[] {TypeOids.INT8, TypeOids.TEXT, TypeOids.INT8,
            TypeOids.INT4, TypeOids.BOOL, TypeOids.BOOL, TypeOids.TEXT});

    private final AccessContext access;
    private HeapRelation indexes;
    private final Map<Integer, org.lakepg.server.access.btree.BTreeIndex> btrees = new HashMap<>();
    private final HeapRelation classes;
    private final HeapRelation attributes;
    private final Sequence oids;
    private final Map<Integer, HeapRelation> heaps = new HashMap<>();

    private TableCatalog(AccessContext access, HeapRelation classes, HeapRelation attributes, Sequence oids) {
        this.access = access;
        this.classes = classes;
        this.attributes = attributes;
        this.oids = oids;
    }

    /** Opens the catalog of a database, creating its storage on first start. */
    public static TableCatalog open(AccessContext access, boolean exists, boolean indexCatalogExists) {
        TableCatalog catalog = open(access, exists);
        HeapOptions options = new HeapOptions(100, 0);
        catalog.indexes = indexCatalogExists ? HeapRelation.open(access, INDEX_RELATION, "lakepg_index", options)
                : HeapRelation.create(access, INDEX_RELATION, "lakepg_index", options);
        return catalog;
    }

    private static TableCatalog open(AccessContext access, boolean exists) {
        HeapOptions options = new HeapOptions(100, 0);
        if (!exists) {
            HeapRelation classes = HeapRelation.create(access, CLASS_RELATION, "lakepg_class", options);
            HeapRelation attributes = HeapRelation.create(access, ATTRIBUTE_RELATION, "lakepg_attribute", options);
            Sequence oids = Sequence.create(access, OID_SEQUENCE, "lakepg_oid",
                    new Sequence.Options(1, FIRST_USER_OID, Long.MAX_VALUE, FIRST_USER_OID, false));
            return new TableCatalog(access, classes, attributes, oids);
        }
        return new TableCatalog(access, HeapRelation.open(access, CLASS_RELATION, "lakepg_class", options),
                HeapRelation.open(access, ATTRIBUTE_RELATION, "lakepg_attribute", options),
                Sequence.open(access, OID_SEQUENCE, "lakepg_oid"));
    }

    /** Every table visible to the snapshot. */
    public List<TableInfo> tables(Snapshot snapshot) {
        Map<Long, List<ColumnInfo>> columns = new HashMap<>();
        for (Iterator<HeapTuple> it = attributes.scan(snapshot); it.hasNext(); ) {
            Object[] a = ATTRIBUTE_ROW.decode(it.next().payload());
            columns.computeIfAbsent((Long) a[0], k -> new ArrayList<>())
                    .add(new ColumnInfo((String) a[2], (Short) a[1], (Long) a[3], (Integer) a[4], (Boolean) a[5]));
        }
        List<TableInfo> out = new ArrayList<>();
        for (Iterator<HeapTuple> it = classes.scan(snapshot); it.hasNext(); ) {
            Object[] c = CLASS_ROW.decode(it.next().payload());
            List<ColumnInfo> cols = new ArrayList<>(columns.getOrDefault((Long) c[0], List.of()));
            cols.sort(Comparator.comparingInt(ColumnInfo::number));
            out.add(new TableInfo((Long) c[0], (String) c[1], (Long) c[2], (Integer) c[3], (Integer) c[4], cols));
        }
        return out;
    }

    public Optional<TableInfo> find(Snapshot snapshot, String name) {
        return tables(snapshot).stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** A table of a schema by name. */
    public Optional<TableInfo> find(Snapshot snapshot, long namespace, String name) {
        return tables(snapshot).stream().filter(t -> t.namespace() == namespace && t.name().equals(name)).findFirst();
    }

    /** A new OID from the database's counter, which user objects of every kind share (as in PostgreSQL). */
    public long newOid() {
        return oids.nextval();
    }

    /** CREATE TABLE in the public schema. */
    public TableInfo create(Transaction txn, String name, List<ColumnInfo> columns) {
        return create(txn, PUBLIC_NAMESPACE, name, columns);
    }

    /** CREATE TABLE: catalog rows in the transaction, storage for the rows right away. */
    public TableInfo create(Transaction txn, long namespace, String name, List<ColumnInfo> columns) {
        long oid = oids.nextval();
        int relation = Math.toIntExact(oid);
        int toast = Math.toIntExact(oids.nextval());
        classes.insert(txn, CLASS_ROW.encode(new Object[] {oid, name, namespace, relation, toast}));
        for (ColumnInfo c : columns) {
            attributes.insert(txn, ATTRIBUTE_ROW.encode(new Object[] {oid, c.number(), c.name(), c.type(), c.typmod(),
                    c.notNull()}));
        }
        HeapRelation heap = HeapRelation.create(access, relation, name, HeapOptions.defaults(toast));
        synchronized (heaps) {
            heaps.put(relation, heap);
        }
        return new TableInfo(oid, name, namespace, relation, toast, columns);
    }

    /** DROP TABLE: the catalog rows are deleted in the transaction; the rows' storage stays until vacuum (not yet). */
    public void drop(Transaction txn, TableInfo table) {
        deleteWhere(txn, classes, CLASS_ROW, row -> row[0].equals(table.oid()));
        deleteWhere(txn, attributes, ATTRIBUTE_ROW, row -> row[0].equals(table.oid()));
        deleteWhere(txn, indexes, INDEX_ROW, row -> row[2].equals(table.oid()));
    }

    private static void deleteWhere(Transaction txn, HeapRelation heap, RowCodec codec,
                                    java.util.function.Predicate<Object[]> match) {
        for (Iterator<HeapTuple> it = heap.scan(txn.snapshot()); it.hasNext(); ) {
            HeapTuple t = it.next();
            if (match.test(codec.decode(t.payload()))) {
                var result = heap.delete(txn, t.tid(), WaitPolicy.BLOCK);
                if (!(result instanceof org.lakepg.server.access.heap.WriteResult.Ok)) {
                    throw PgException.of(SqlState.T_R_SERIALIZATION_FAILURE,
                            "tuple concurrently updated");
                }
            }
        }
    }

    /** The indexes of a table visible to the snapshot. */
    public List<IndexInfo> indexes(Snapshot snapshot, long tableOid) {
        List<IndexInfo> out = new ArrayList<>();
        for (Iterator<HeapTuple> it = indexes.scan(snapshot); it.hasNext(); ) {
            Object[] r = INDEX_ROW.decode(it.next().payload());
            if (r[2].equals(tableOid)) {
                List<Short> columns = new ArrayList<>();
                for (String n : ((String) r[6]).split(" ")) {
                    columns.add(Short.parseShort(n));
                }
                out.add(new IndexInfo((Long) r[0], (String) r[1], (Long) r[2], (Integer) r[3], (Boolean) r[4],
                        (Boolean) r[5], columns));
            }
        }
        return out;
    }

    /** Every index name visible to the snapshot (index and table names share one namespace). */
    public boolean indexNameExists(Snapshot snapshot, String name) {
        for (Iterator<HeapTuple> it = indexes.scan(snapshot); it.hasNext(); ) {
            if (INDEX_ROW.decode(it.next().payload())[1].equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** CREATE INDEX: the catalog row in the transaction, the B-tree built from the rows the transaction sees. */
    public IndexInfo createIndex(Transaction txn, TableInfo table, String name, List<Short> columns, boolean unique,
                                 boolean primary) {
        long oid = oids.nextval();
        int relation = Math.toIntExact(oid);
        StringBuilder cols = new StringBuilder();
        for (short c : columns) {
            cols.append(cols.isEmpty() ? "" : " ").append(c);
        }
        indexes.insert(txn, INDEX_ROW.encode(new Object[] {oid, name, table.oid(), relation, unique, primary,
                cols.toString()}));
        IndexInfo index = new IndexInfo(oid, name, table.oid(), relation, unique, primary, columns);
        var btree = org.lakepg.server.access.btree.BTreeIndex.create(access, relation, name,
                org.lakepg.server.access.btree.KeyComparator.BYTEWISE);
        synchronized (btrees) {
            btrees.put(relation, btree);
        }
        HeapRelation heap = heap(table);
        RowCodec codec = new RowCodec(table.columnTypes());
        for (Iterator<HeapTuple> it = heap.scan(txn.snapshot()); it.hasNext(); ) {
            HeapTuple t = it.next();
            Object[] row = codec.decode(t.payload());
            btree.insert(txn, IndexKeys.of(index, table, row), t.tid(), uniqueCheck(index, table, row));
        }
        return index;
    }

    /**
     * How a unique index checks a new row: null for non-unique indexes and for keys with a NULL
     * (NULLs are distinct, as in PostgreSQL); the detail names the key as PostgreSQL does.
     */
    public org.lakepg.server.access.btree.UniqueCheck uniqueCheck(IndexInfo index, TableInfo table, Object[] row) {
        if (!index.unique()) {
            return null;
        }
        for (short c : index.columns()) {
            if (row[c - 1] == null) {
                return null;
            }
        }
        RowCodec codec = new RowCodec(table.columnTypes());
        return new org.lakepg.server.access.btree.UniqueCheck(index.name(), heap(table), () -> {
            StringBuilder names = new StringBuilder();
            StringBuilder values = new StringBuilder();
            for (short c : index.columns()) {
                ColumnInfo column = table.columns().get(c - 1);
                names.append(names.isEmpty() ? "" : ", ").append(column.name());
                values.append(values.isEmpty() ? "" : ", ").append(org.lakepg.server.exec.expr.WireTypeIO.codec(
                        column.type()).formatTextUnchecked(row[c - 1], org.lakepg.wire.types.FormatSettings.defaults()));
            }
            return "Key (" + names + ")=(" + values + ") already exists.";
        }, payload -> IndexKeys.of(index, table, codec.decode(payload)));
    }

    /** Inserts a row and its index entries (unique indexes check it). */
    public org.lakepg.server.access.heap.Tid insertRow(Transaction txn, TableInfo table, List<IndexInfo> tableIndexes,
                                                      RowCodec codec, Object[] row) {
        var tid = heap(table).insert(txn, codec.encode(row));
        indexRow(txn, table, tableIndexes, row, tid);
        return tid;
    }

    /** Index entries for a row version. */
    public void indexRow(Transaction txn, TableInfo table, List<IndexInfo> tableIndexes, Object[] row,
                         org.lakepg.server.access.heap.Tid tid) {
        for (IndexInfo index : tableIndexes) {
            btree(index).insert(txn, IndexKeys.of(index, table, row), tid, uniqueCheck(index, table, row));
        }
    }

    public org.lakepg.server.access.btree.BTreeIndex btree(IndexInfo index) {
        synchronized (btrees) {
            return btrees.computeIfAbsent(index.relation(), r -> org.lakepg.server.access.btree.BTreeIndex.open(
                    access, r, index.name(), org.lakepg.server.access.btree.KeyComparator.BYTEWISE));
        }
    }

    /** Marks a column NOT NULL (in the transaction), as ALTER TABLE ADD PRIMARY KEY does. */
    public void setNotNull(Transaction txn, TableInfo table, short attnum) {
        for (Iterator<HeapTuple> it = attributes.scan(txn.snapshot()); it.hasNext(); ) {
            HeapTuple t = it.next();
            Object[] a = ATTRIBUTE_ROW.decode(t.payload());
            if (a[0].equals(table.oid()) && a[1].equals(attnum) && !(Boolean) a[5]) {
                a[5] = true;
                var result = attributes.update(txn, t.tid(), ATTRIBUTE_ROW.encode(a), true, WaitPolicy.BLOCK);
                if (!(result instanceof org.lakepg.server.access.heap.WriteResult.Ok)) {
                    throw PgException.of(SqlState.T_R_SERIALIZATION_FAILURE, "tuple concurrently updated");
                }
            }
        }
    }

    /** The heap holding a table's rows. */
    public HeapRelation heap(TableInfo table) {
        synchronized (heaps) {
            return heaps.computeIfAbsent(table.relation(),
                    r -> HeapRelation.open(access, r, table.name(), HeapOptions.defaults(table.toastRelation())));
        }
    }
}
