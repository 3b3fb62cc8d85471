package org.lakepg.server;

import org.lakepg.server.access.AccessContext;
import org.lakepg.server.access.buffer.BufferCache;
import org.lakepg.server.access.wal.PageWriter;
import org.lakepg.server.access.wal.ReadOnlyWal;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.txn.TransactionManager;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.Storage;
import org.lakepg.storage.Timeline;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The compute's view of one database: the timeline it serves and the access layer (buffer cache, WAL writer, transactions) plus the table catalog on
 * top. It keeps no durable state itself: everything is in the WAL it writes.
 */
public final class Compute implements AutoCloseable {
    private final Storage storage;
    private final AccessContext access;
    private final TableCatalog tables;
    private final org.lakepg.server.catalog.objects.ObjectCatalog objects;
    private final Lsn readPoint;

    private Compute(Storage storage, AccessContext access, TableCatalog tables,
                    org.lakepg.server.catalog.objects.ObjectCatalog objects, Lsn readPoint) {
        this.storage = storage;
        this.access = access;
        this.tables = tables;
        this.objects = objects;
        this.readPoint = readPoint;
    }

    /** The compute of one timeline (database) of an open store. */
    static Compute open(Storage storage, Timeline timeline, int bufferPages) {
        BufferCache cache = new BufferCache(storage.pages(), timeline.id(), bufferPages,
                storage.wal().insertLsn(timeline.id()));
        PageWriter writer = new PageWriter(storage.wal(), timeline.id());
        AccessContext access = AccessContext.of(new TransactionManager(cache, writer));
        org.lakepg.storage.Lsn at = storage.wal().insertLsn(timeline.id());
        java.util.function.IntPredicate exists = relation -> storage.pages().relationExists(
                timeline.id(), relation, org.lakepg.storage.ForkNumber.MAIN, at);
        return new Compute(storage, access, TableCatalog.open(access, exists), objectCatalog(access, exists, exists), null);
    }

    /**
     * A read-only compute that sees the timeline exactly as of {@code lsn}: every page is read at that LSN and the
     * commit log with it, so transactions that had not committed by then are invisible, whatever happened later
     * (updates, vacuum, DROP TABLE). It cannot write: its WAL refuses appends.
     */
    static Compute openAt(Storage storage, Timeline timeline, Lsn lsn, int bufferPages) {
        BufferCache cache = new BufferCache(storage.pages(), timeline.id(), bufferPages, lsn);
        PageWriter writer = new PageWriter(new ReadOnlyWal(storage.wal()), timeline.id());
        AccessContext access = AccessContext.of(new TransactionManager(cache, writer));
        boolean exists = storage.pages().relationExists(timeline.id(), TableCatalog.CLASS_RELATION,
                org.lakepg.storage.ForkNumber.MAIN, lsn);
        if (!exists) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE, "database \"%s\" has no data at LSN %s",
                    timeline.name(), lsn);
        }
        boolean indexCatalog = storage.pages().relationExists(timeline.id(), TableCatalog.INDEX_RELATION,
                org.lakepg.storage.ForkNumber.MAIN, lsn);
        if (!indexCatalog) {
            throw PgException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "database \"%s\" at LSN %s predates this lakepg version's catalog", timeline.name(), lsn);
        }
        java.util.function.IntPredicate existed = relation -> storage.pages().relationExists(
                timeline.id(), relation, org.lakepg.storage.ForkNumber.MAIN, lsn);
        // a reader of the past never creates storage: a later catalog (statistics, aggregates) missing then reads empty
        return new Compute(storage, access, TableCatalog.open(access, existed),
                objectCatalog(access, existed, relation -> true), lsn);
    }

    /** Bytes of the system relations and of every table, its large values and its indexes, as of {@code lsn}. */
    long logicalSize(Storage storage, org.lakepg.storage.TimelineId timeline, Lsn lsn) {
        java.util.List<Integer> relations = new java.util.ArrayList<>();
        for (int r = 1; r < org.lakepg.server.txn.ReservedRelations.FIRST_USER_RELATION; r++) {
            relations.add(r); // the commit log, transaction control and the catalog's own relations
        }
        org.lakepg.server.txn.Transaction txn = access.txns().begin();
        try {
            for (var table : tables.tables(txn.snapshot())) {
                relations.add(table.relation());
                relations.add(table.toastRelation());
                for (var index : tables.indexes(txn.snapshot(), table.oid())) {
                    relations.add(index.relation());
                }
            }
        } finally {
            txn.rollback();
        }
        long blocks = 0;
        for (int relation : relations) {
            blocks += storage.pages().relationSize(timeline, relation, org.lakepg.storage.ForkNumber.MAIN, lsn);
        }
        return blocks * org.lakepg.storage.Page.SIZE;
    }

    /**
     * Hands autovacuum every table of the database with a supplier of its current indexes (read with a fresh
     * snapshot when the vacuum runs, so an index created meanwhile is included).
     */
    void forEachTable(java.util.function.Consumer<org.lakepg.server.access.vacuum.AutoVacuum.Table> check) {
        java.util.List<org.lakepg.server.table.TableInfo> all;
        org.lakepg.server.txn.Transaction txn = access.txns().begin();
        try {
            all = tables.tables(txn.snapshot());
        } finally {
            txn.rollback();
        }
        for (var table : all) {
            check.accept(new org.lakepg.server.access.vacuum.AutoVacuum.Table(tables.heap(table), () -> {
                org.lakepg.server.txn.Transaction t = access.txns().begin();
                try {
                    return tables.indexes(t.snapshot(), table.oid()).stream().map(tables::btree).toList();
                } finally {
                    t.rollback();
                }
            }, vacuum -> {
                org.lakepg.server.txn.Transaction t = access.txns().begin();
                try {
                    t.lockRelation(0, table.oid(), org.lakepg.server.txn.RelationLocks.SHARE_UPDATE_EXCLUSIVE, true,
                            table.name());
                    vacuum.run();
                    return true;
                } catch (org.lakepg.wire.error.PgException e) {
                    if (e.sqlState() != org.lakepg.wire.error.SqlState.LOCK_NOT_AVAILABLE) {
                        throw e;
                    }
                    return false;
                } finally {
                    t.rollback();
                }
            }));
        }
        var largeObjects = objects.largeObjects();
        check.accept(new org.lakepg.server.access.vacuum.AutoVacuum.Table(largeObjects.dataHeap(),
                () -> java.util.List.of(largeObjects.dataIndex())));
    }

    /** What VACUUM and ANALYZE measured of the database's tables, as the statistics catalog keeps it. */
    public java.util.Map<Long, org.lakepg.server.stats.RelationStatistics> keptStatistics() {
        org.lakepg.server.txn.Transaction txn = access.txns().begin();
        try {
            java.util.Map<Long, long[]> types = new java.util.HashMap<>();
            for (var table : tables.tables(txn.snapshot())) {
                types.put(table.oid(), table.columnTypes());
            }
            return objects.statistics().load(txn.snapshot(), types);
        } finally {
            txn.rollback();
        }
    }

    /** The LSN a time-travel compute reads at; null for the timeline's read-write compute. */
    public Lsn readPoint() {
        return readPoint;
    }

    /** Opens schemas, views, functions, privileges and comments, creating their storage in a database without them. */
    private static org.lakepg.server.catalog.objects.ObjectCatalog objectCatalog(
            AccessContext access, java.util.function.IntPredicate exists,
            java.util.function.IntPredicate laterCatalogExists) {
        return org.lakepg.server.catalog.objects.ObjectCatalog.open(access,
                exists.test(org.lakepg.server.catalog.objects.ObjectCatalog.markerRelation()), laterCatalogExists);
    }

    public AccessContext access() {
        return access;
    }

    public TransactionManager transactions() {
        return access.txns();
    }

    public TableCatalog tables() {
        return tables;
    }

    /** Schemas, views, functions, privileges and comments of the database. */
    public org.lakepg.server.catalog.objects.ObjectCatalog objects() {
        return objects;
    }

    /** The store stays open: it belongs to the cluster. Everything acknowledged is already in the WAL. */
    @Override
    public void close() {
    }
}
