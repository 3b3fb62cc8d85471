package org.lakepg.server.analytics;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.parquet.ParquetWriteOptions;
import org.lakepg.analytics.plan.ScanSource;
import org.lakepg.analytics.scan.FreshTableSource;
import org.lakepg.analytics.snapshot.Manifest;
import org.lakepg.analytics.snapshot.MaterializeResult;
import org.lakepg.analytics.snapshot.Materializer;
import org.lakepg.analytics.snapshot.TableSnapshots;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.Storage;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The server's side of LTAP analytics, one per cluster: per table, Parquet snapshots in the store's ObjectStore
 * (the data directory when embedded, S3 in cloud mode), materialized on demand and then kept following the WAL by
 * the {@link BackgroundRefresher}; and fresh scans for queries (snapshot files + pages changed since).
 *
 * <p>A table is materialized only once it is asked for: by the first query the planner sends to the columnar engine
 * or by {@code lakepg_export_snapshot}. Until then it costs nothing; afterwards it is kept fresh in the background.
 */
public final class AnalyticsService implements AutoCloseable {
    /** Heap pages per Parquet file: a changed page rewrites its 4 MiB range; fewer, larger files put and read faster. */
    static final int PAGES_PER_FILE = 512;

    private final Storage storage;
    private final Map<TableKey, TableSnapshots> snapshots = new ConcurrentHashMap<>();
    private final Map<String, Object> refreshLocks = new ConcurrentHashMap<>();
    private final BackgroundRefresher refresher;
    private final java.util.concurrent.atomic.AtomicLong columnarRuns = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong rowFallbacks = new java.util.concurrent.atomic.AtomicLong();

    public AnalyticsService(Storage storage, double cpuShare) {
        this.storage = storage;
        this.refresher = new BackgroundRefresher(this, cpuShare);
    }

    /** Routed subtrees that ran on the columnar engine, and those sent back to the row engine at run time. */
    public long columnarRuns() {
        return columnarRuns.get();
    }

    public long rowFallbacks() {
        return rowFallbacks.get();
    }

    void countRun(boolean columnar) {
        (columnar ? columnarRuns : rowFallbacks).incrementAndGet();
    }

    public Storage storage() {
        return storage;
    }

    public BackgroundRefresher refresher() {
        return refresher;
    }

    public static TableKey key(AccessContext access, TableInfo table) {
        return new TableKey(access.cache().timeline(), table.relation());
    }

    public TableSnapshots snapshots(TableKey key) {
        return snapshots.computeIfAbsent(key, k -> new TableSnapshots(storage.objects(), k.root()));
    }

    /** The LSN everything the compute has seen is at: its read point when time travelling, its last write otherwise. */
    public static Lsn latestLsn(AccessContext access) {
        return access.cache().latestLsn();
    }

    /**
     * Brings the table's snapshot up to the compute's latest LSN (only changed page ranges are rewritten) and
     * registers the table for background refreshes. Time-travel computes cannot register (they never change).
     */
    public MaterializeResult materialize(AccessContext access, HeapRelation heap, TableInfo table) {
        return materialize(access, heap, table, snapshots(key(access, table)));
    }

    /** Materializes into {@code target} (the table's live snapshots, or a snapshot pinned at a time-travel LSN). */
    public MaterializeResult materialize(AccessContext access, HeapRelation heap, TableInfo table,
                                         TableSnapshots target) {
        return materialize(access, heap, table, target, 1);
    }

    /** The background refresher's materialization: reads and writes throttled to {@code cpuShare} of a core. */
    MaterializeResult materializeThrottled(AccessContext access, HeapRelation heap, TableInfo table, double cpuShare) {
        return materialize(access, heap, table, snapshots(key(access, table)), cpuShare);
    }

    private MaterializeResult materialize(AccessContext access, HeapRelation heap, TableInfo table,
                                          TableSnapshots target, double cpuShare) {
        Schema schema = ColumnTypes.schema(table).orElseThrow(() -> PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                "table \"%s\" has a column type the columnar engine does not support", table.name()));
        TableKey key = key(access, table);
        synchronized (refreshLocks.computeIfAbsent(target.root(), k -> new Object())) {
            MaterializationPoint point = MaterializationPoint.take(access);
            Transaction txn = point.transaction();
            try {
                Lsn lsn = point.lsn();
                HeapTableSource source = new HeapTableSource(table.name(), table, schema, heap, txn.snapshot(),
                        storage.pages(), key.timeline(), storage.objects(), target.root()).throttled(cpuShare)
                        .readingAsOf(lsn);
                MaterializeResult result = new Materializer(target, PAGES_PER_FILE, ParquetWriteOptions.defaults())
                        .refresh(source, lsn);
                if (target == snapshots(key)) {
                    cleanUp(target);
                }
                return result;
            } finally {
                txn.rollback();
            }
        }
    }

    /**
     * Deletes the table's snapshots older than the one just committed that no running query reads, their data
     * files and their settled-pages sidecars. Runs under the table's refresh lock, so no write is in flight.
     */
    private static void cleanUp(TableSnapshots live) {
        for (Manifest gone : live.vacuumUnused()) {
            live.store().delete(SettledPages.key(live.root(), gone.lsn()));
        }
    }

    /** A table as of the query's snapshot with zero lag: snapshot files plus the pages changed since. */
    public ScanSource freshScan(AccessContext access, HeapRelation heap, TableInfo table, Schema schema,
                                Snapshot snapshot) {
        TableKey key = key(access, table);
        return new FreshTableSource(snapshots(key), source(key, table, schema, heap, snapshot), latestLsn(access));
    }

    private HeapTableSource source(TableKey key, TableInfo table, Schema schema, HeapRelation heap, Snapshot snapshot) {
        return new HeapTableSource(table.name(), table, schema, heap, snapshot, storage.pages(), key.timeline(),
                storage.objects(), key.root());
    }

    /** The newest snapshot at or before {@code lsn}. */
    public Optional<Manifest> snapshotAsOf(TableKey key, Lsn lsn) {
        return snapshots(key).asOf(lsn);
    }

    /** Pages changed on the timeline since the snapshot (what a fresh read decodes from the row store). */
    public int changedPagesSince(TableKey key, Lsn from, Lsn to, int pageCount) {
        if (!from.isBefore(to)) {
            return 0;
        }
        BitSet changed;
        try {
            changed = storage.pages().changedPages(key.timeline(), key.relation(), ForkNumber.MAIN, from, to);
        } catch (org.lakepg.storage.StorageException belowGcHorizon) {
            return pageCount;
        }
        if (pageCount > 0) {
            changed.clear(pageCount, Math.max(pageCount, changed.length()));
        }
        return changed.cardinality();
    }

    /** One table's materialization state for lakepg_analytics_status(). */
    public record Status(String table, TableKey key, Lsn materializedLsn, Lsn latestLsn, long lagBytes, int lagPages,
                         int files, long rows, long refreshes, String lastError) {
    }

    public List<Status> status() {
        return new ArrayList<>(refresher.status());
    }

    @Override
    public void close() {
        refresher.close();
    }
}
