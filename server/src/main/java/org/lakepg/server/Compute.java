package org.lakepg.server;

import java.nio.file.Path;
import java.util.Map;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.access.buffer.BufferCache;
import org.lakepg.server.access.wal.PageWriter;
import org.lakepg.server.table.TableCatalog;
import org.lakepg.server.txn.TransactionManager;
import org.lakepg.storage.Storage;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.Timeline;

/**
 * The compute's view of its database: storage chosen by name (ServiceLoader), the timeline it
 * serves, and the access layer (buffer cache, WAL writer, transactions) plus the table catalog on
 * top. It keeps no durable state itself: everything is in the WAL it writes.
 */
public final class Compute implements AutoCloseable {
    public static final String MAIN_TIMELINE = "main";

    private final Storage storage;
    private final AccessContext access;
    private final TableCatalog tables;

    private Compute(Storage storage, AccessContext access, TableCatalog tables) {
        this.storage = storage;
        this.access = access;
        this.tables = tables;
    }

    public static Compute open(String storageName, Path dataDir, int bufferPages) {
        Storage storage = Storage.load(storageName, new StorageConfig(dataDir.resolve("storage"), Map.of()));
        try {
            Timeline timeline = storage.timelines().byName(MAIN_TIMELINE)
                    .orElseGet(() -> storage.timelines().createTimeline(MAIN_TIMELINE));
            BufferCache cache = new BufferCache(storage.pages(), timeline.id(), bufferPages,
                    storage.wal().insertLsn(timeline.id()));
            PageWriter writer = new PageWriter(storage.wal(), timeline.id());
            AccessContext access = AccessContext.of(new TransactionManager(cache, writer));
            boolean exists = storage.pages().relationExists(timeline.id(), TableCatalog.CLASS_RELATION,
                    org.lakepg.storage.ForkNumber.MAIN, storage.wal().insertLsn(timeline.id()));
            TableCatalog tables = TableCatalog.open(access, exists);
            return new Compute(storage, access, tables);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
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

    @Override
    public void close() {
        storage.close();
    }
}
