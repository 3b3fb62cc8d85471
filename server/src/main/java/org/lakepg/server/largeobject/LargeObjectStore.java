package org.lakepg.server.largeobject;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.access.btree.BTreeIndex;
import org.lakepg.server.access.btree.IndexEntry;
import org.lakepg.server.access.btree.KeyComparator;
import org.lakepg.server.access.btree.KeyEncoding;
import org.lakepg.server.access.btree.ScanBound;
import org.lakepg.server.access.heap.HeapOptions;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.HeapTuple;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.access.heap.WriteResult;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.catalog.objects.CatalogHeap;
import org.lakepg.server.table.RowCodec;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;
import org.lakepg.server.txn.WaitPolicy;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The large objects of a database, stored as PostgreSQL stores them: pg_largeobject_metadata rows (oid, owner) in a
 * catalog heap, and the data as pg_largeobject rows (loid, pageno, data) of at most {@link #PAGE_SIZE} bytes in a
 * heap of its own with a B-tree on (loid, pageno). Pages are written in the caller's transaction, so they are
 * WAL-logged and commit or roll back with it; a missing page inside an object reads as zeros (a hole).
 */
public final class LargeObjectStore {
    /** PostgreSQL's LOBLKSIZE with the default 8 KiB block. */
    public static final int PAGE_SIZE = 2048;
    static final int METADATA_RELATION = 58;
    static final int DATA_RELATION = 59;
    static final int INDEX_RELATION = 60;

    private final CatalogHeap metadata;
    private final HeapRelation data;
    private final BTreeIndex index;
    private final RowCodec codec = new RowCodec(new long[] {TypeOids.INT8, TypeOids.INT4, TypeOids.BYTEA});

    /** One page of an object. */
    public record Page(long loid, int pageno, byte[] data) {}

    /** One pg_largeobject_metadata row. */
    public record Metadata(long oid, long owner) {}

    private LargeObjectStore(CatalogHeap metadata, HeapRelation data, BTreeIndex index) {
        this.metadata = metadata;
        this.data = data;
        this.index = index;
    }

    /** Opens the store, creating its three relations in a database that has none yet. */
    public static LargeObjectStore open(AccessContext access, boolean exists) {
        CatalogHeap metadata = CatalogHeap.open(access, METADATA_RELATION, "pg_largeobject_metadata", exists,
                TypeOids.INT8, TypeOids.INT8);
        HeapOptions options = new HeapOptions(100, 0);
        HeapRelation data = exists ? HeapRelation.open(access, DATA_RELATION, "pg_largeobject", options)
                : HeapRelation.create(access, DATA_RELATION, "pg_largeobject", options);
        BTreeIndex index = exists
                ? BTreeIndex.open(access, INDEX_RELATION, "pg_largeobject_loid_pn_index", KeyComparator.BYTEWISE)
                : BTreeIndex.create(access, INDEX_RELATION, "pg_largeobject_loid_pn_index", KeyComparator.BYTEWISE);
        return new LargeObjectStore(metadata, data, index);
    }

    /** The relation whose existence says the store was created. */
    public static int markerRelation() {
        return METADATA_RELATION;
    }

    /** The data heap and its index, for vacuum. */
    public HeapRelation dataHeap() {
        return data;
    }

    public BTreeIndex dataIndex() {
        return index;
    }

    // ---- metadata ---------------------------------------------------------------------------------------------

    public List<Metadata> objects(Snapshot snapshot) {
        return metadata.rows(snapshot).stream().map(r -> new Metadata((Long) r[0], (Long) r[1])).toList();
    }

    public Optional<Metadata> find(Snapshot snapshot, long oid) {
        return metadata.rows(snapshot, r -> r[0].equals(oid)).stream()
                .map(r -> new Metadata((Long) r[0], (Long) r[1])).findFirst();
    }

    /** Registers a new, empty object; 23505 as pg_largeobject_metadata's unique index if the OID is taken. */
    public void create(Transaction txn, long oid, long owner) {
        if (find(txn.snapshot(), oid).isPresent()) {
            throw PgException.of(SqlState.UNIQUE_VIOLATION,
                    "duplicate key value violates unique constraint \"pg_largeobject_metadata_oid_index\"")
                    .withDetail("Key (oid)=(" + oid + ") already exists.");
        }
        metadata.insert(txn, oid, owner);
    }

    public void changeOwner(Transaction txn, long oid, long owner) {
        metadata.update(txn, r -> r[0].equals(oid), r -> new Object[] {r[0], owner});
    }

    /** Removes the object and all its pages. */
    public void unlink(Transaction txn, long oid) {
        metadata.delete(txn, r -> r[0].equals(oid));
        deletePages(txn, oid, 0);
    }

    // ---- pages ------------------------------------------------------------------------------------------------

    private static byte[] key(long loid, int pageno) {
        return KeyEncoding.key().addLong(loid).addLong((long) pageno).build();
    }

    /** The pages of {@code loid} numbered {@code from} to {@code to} (inclusive) that exist, in page order. */
    public List<Page> pages(Snapshot snapshot, long loid, int from, int to) {
        List<Page> out = new ArrayList<>();
        for (Located l : locate(snapshot, loid, from, to)) {
            out.add(l.page());
        }
        return out;
    }

    /** The last page of the object, if it has any (its size ends there). */
    public Optional<Page> lastPage(Snapshot snapshot, long loid) {
        if (absent()) {
            return Optional.empty();
        }
        Iterator<IndexEntry> it = index.scan(new ScanBound(key(loid, 0), true),
                new ScanBound(key(loid, Integer.MAX_VALUE), true), false);
        while (it.hasNext()) {
            Optional<Page> page = read(snapshot, loid, it.next().tid());
            if (page.isPresent()) {
                return page;
            }
        }
        return Optional.empty();
    }

    /** Replaces (or adds) one page. */
    public void writePage(Transaction txn, long loid, int pageno, byte[] bytes) {
        for (Located old : locate(txn.snapshot(), loid, pageno, pageno)) {
            delete(txn, old.tid());
        }
        Tid tid = data.insert(txn, codec.encode(new Object[] {loid, pageno, bytes}));
        index.insert(txn, key(loid, pageno), tid, null);
        txn.commandCounterIncrement(); // what follows in the statement reads the new page, as inv_api's CCI
    }

    /** Deletes the pages numbered {@code from} and above. */
    public void deletePages(Transaction txn, long loid, int from) {
        for (Located old : locate(txn.snapshot(), loid, from, Integer.MAX_VALUE)) {
            delete(txn, old.tid());
        }
        txn.commandCounterIncrement();
    }

    /** Every page of every object, for pg_largeobject. */
    public List<Page> allPages(Snapshot snapshot) {
        List<Page> out = new ArrayList<>();
        for (Iterator<HeapTuple> it = data.scan(snapshot); it.hasNext(); ) {
            out.add(decode(it.next().payload()));
        }
        return out;
    }

    private record Located(Tid tid, Page page) {}

    private List<Located> locate(Snapshot snapshot, long loid, int from, int to) {
        List<Located> out = new ArrayList<>();
        if (absent()) {
            return out;
        }
        Iterator<IndexEntry> it = index.scan(new ScanBound(key(loid, from), true),
                new ScanBound(key(loid, to), true), true);
        while (it.hasNext()) {
            Tid tid = it.next().tid();
            read(snapshot, loid, tid).ifPresent(page -> out.add(new Located(tid, page)));
        }
        return out;
    }

    /** A compute reading the past from before the store existed: no index to read (its heaps read empty). */
    private boolean absent() {
        return index.blockCount() == 0;
    }

    private Optional<Page> read(Snapshot snapshot, long loid, Tid tid) {
        // the entry may outlive its row version (updated or deleted): the heap decides what the snapshot sees
        return data.fetch(snapshot, tid).map(t -> decode(t.payload())).filter(p -> p.loid() == loid);
    }

    private Page decode(byte[] payload) {
        Object[] r = codec.decode(payload);
        return new Page((Long) r[0], (Integer) r[1], (byte[]) r[2]);
    }

    private void delete(Transaction txn, Tid tid) {
        if (!(data.delete(txn, tid, WaitPolicy.BLOCK) instanceof WriteResult.Ok)) {
            throw PgException.of(SqlState.T_R_SERIALIZATION_FAILURE, "tuple concurrently updated");
        }
    }
}
