package org.lakepg.server;

import org.lakepg.server.access.AccessContext;
import org.lakepg.server.access.buffer.BufferCache;
import org.lakepg.server.access.wal.PageWriter;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.txn.TransactionManager;
import org.lakepg.storage.Storage;
import org.lakepg.storage.Timeline;

/**
 * The compute's view of one database: the timeline it serves and the access layer (buffer cache, WAL writer, transactions) plus the table catalog on
 * top. It keeps no durable state itself: everything is in the WAL it writes.
 */
public final class Compute implements AutoCloseable {
    private final Storage storage;
    private final AccessContext access;
    private final TableCatalog tables;
    private final org.lakepg.server.catalog.objects.ObjectCatalog objects;

    private Compute(Storage storage, AccessContext access, TableCatalog tables,
                    org.lakepg.server.catalog.objects.ObjectCatalog objects) {
        this.storage = storage;
        this.access = access;
        this.tables = tables;
        this.objects = objects;
    }

    /** The compute of one timeline (database) of an open store. */
    static Compute open(Storage storage, Timeline timeline, int bufferPages) {
        BufferCache cache = new BufferCache(storage.pages(), timeline.id(), bufferPages,
                storage.wal().insertLsn(timeline.id()));
        PageWriter writer = new PageWriter(storage.wal(), timeline.id());
        AccessContext access = AccessContext.of(new TransactionManager(cache, writer));
        boolean exists = storage.pages().relationExists(timeline.id(), TableCatalog.CLASS_RELATION,
                org.lakepg.storage.ForkNumber.MAIN, storage.wal().insertLsn(timeline.id()));
        boolean indexCatalog = storage.pages().relationExists(timeline.id(), TableCatalog.INDEX_RELATION,
                org.lakepg.storage.ForkNumber.MAIN, storage.wal().insertLsn(timeline.id()));
        boolean objectCatalogs = storage.pages().relationExists(timeline.id(),
                org.lakepg.server.catalog.objects.ObjectCatalog.markerRelation(), org.lakepg.storage.ForkNumber.MAIN,
                storage.wal().insertLsn(timeline.id()));
        return new Compute(storage, access, TableCatalog.open(access, exists, indexCatalog),
                org.lakepg.server.catalog.objects.ObjectCatalog.open(access, objectCatalogs));
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
