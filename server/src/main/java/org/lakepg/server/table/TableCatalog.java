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
    /** PostgreSQL's FirstNormalObjectId: user objects start here. */
    static final long FIRST_USER_OID = 16384;
    public static final long PUBLIC_NAMESPACE = 2200;

    /** oid, relname, relnamespace, relfilenode, toast relation. */
    private static final RowCodec CLASS_ROW = new RowCodec(new long[] {TypeOids.INT8, TypeOids.TEXT, TypeOids.INT8,
            TypeOids.INT4, TypeOids.INT4});
    private static final RowCodec ATTRIBUTE_ROW = new RowCodec(new long[] {TypeOids.INT8, TypeOids.INT2,
            TypeOids.TEXT, TypeOids.INT8, TypeOids.INT4, TypeOids.BOOL});

    private final AccessContext access;
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
    public static TableCatalog open(AccessContext access, boolean exists) {
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

    /** CREATE TABLE: catalog rows in the transaction, storage for the rows right away. */
    public TableInfo create(Transaction txn, String name, List<ColumnInfo> columns) {
        long oid = oids.nextval();
        int relation = Math.toIntExact(oid);
        int toast = Math.toIntExact(oids.nextval());
        classes.insert(txn, CLASS_ROW.encode(new Object[] {oid, name, PUBLIC_NAMESPACE, relation, toast}));
        for (ColumnInfo c : columns) {
            attributes.insert(txn, ATTRIBUTE_ROW.encode(new Object[] {oid, c.number(), c.name(), c.type(), c.typmod(),
                    c.notNull()}));
        }
        HeapRelation heap = HeapRelation.create(access, relation, name, HeapOptions.defaults(toast));
        synchronized (heaps) {
            heaps.put(relation, heap);
        }
        return new TableInfo(oid, name, PUBLIC_NAMESPACE, relation, toast, columns);
    }

    /** DROP TABLE: the catalog rows are deleted in the transaction; the rows' storage stays until vacuum (not yet). */
    public void drop(Transaction txn, TableInfo table) {
        deleteWhere(txn, classes, CLASS_ROW, row -> row[0].equals(table.oid()));
        deleteWhere(txn, attributes, ATTRIBUTE_ROW, row -> row[0].equals(table.oid()));
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

    /** The heap holding a table's rows. */
    public HeapRelation heap(TableInfo table) {
        synchronized (heaps) {
            return heaps.computeIfAbsent(table.relation(),
                    r -> HeapRelation.open(access, r, table.name(), HeapOptions.defaults(table.toastRelation())));
        }
    }
}
