package org.lakepg.server.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.lakepg.analytics.snapshot.MaterializeResult;
import org.lakepg.analytics.snapshot.Materializer;
import org.lakepg.analytics.snapshot.TableSnapshots;
import org.lakepg.analytics.parquet.ParquetWriteOptions;
import org.lakepg.server.Compute;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Transaction;
import org.lakepg.storage.Lsn;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * What SQL can ask of lakepg analytics in a session (lakepg_export_snapshot, lakepg_analytics_status): built by the
 * session over its current compute and the cluster's {@link AnalyticsService}.
 *
 * @param computeAt the read-only compute of the session's database at an LSN (time travel)
 */
public record AnalyticsControl(AnalyticsService service, Compute compute, Function<Lsn, Compute> computeAt,
                               String locationPrefix) {

    /**
     * Materializes the table (only page ranges changed since its last snapshot are rewritten) and returns one row
     * (location, lsn). Without {@code atLsn} this is the table's live snapshot, which the background refresher keeps
     * following from then on; with it, a separate snapshot of the table exactly as of that LSN.
     */
    public List<Object[]> exportSnapshot(long tableOid, Lsn atLsn) {
        Compute source = atLsn == null ? compute : computeAt.apply(atLsn);
        TableInfo table = find(source, tableOid).orElseThrow(() -> PgException.of(SqlState.UNDEFINED_TABLE,
                "relation with OID %d does not exist%s", tableOid, atLsn == null ? "" : " at LSN " + atLsn));
        if (table.temporary()) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot export a snapshot of temporary table \"%s\"",
                    table.name());
        }
        var heap = source.tables().heap(table);
        MaterializeResult result;
        String root;
        if (atLsn == null) {
            result = service.materialize(source.access(), heap, table);
            service.refresher().register(source, table);
            root = AnalyticsService.key(source.access(), table).root();
        } else {
            // a snapshot pinned at an older LSN lives apart: the live snapshots only move forward
            root = AnalyticsService.key(source.access(), table).root() + "at-" + String.format("%016x", atLsn.value())
                    + "/";
            TableSnapshots pinned = new TableSnapshots(service.storage().objects(), root);
            result = service.materialize(source.access(), heap, table, pinned);
        }
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {locationPrefix + root, result.manifest().lsn().value()});
        return rows;
    }

    private static Optional<TableInfo> find(Compute compute, long oid) {
        Transaction txn = compute.transactions().begin();
        try {
            return compute.tables().findByOid(txn.snapshot(), oid);
        } finally {
            txn.rollback();
        }
    }

    /** One row per followed table: name, materialized LSN, latest LSN, lag bytes, lag pages, files, rows, refreshes, last error. */
    public List<Object[]> status() {
        List<Object[]> rows = new ArrayList<>();
        for (AnalyticsService.Status s : service.status()) {
            rows.add(new Object[] {s.table(), s.materializedLsn() == null ? null : s.materializedLsn().value(),
                    s.latestLsn().value(), s.lagBytes(), (long) s.lagPages(), (long) s.files(), s.rows(),
                    s.refreshes(), s.lastError()});
        }
        return rows;
    }

    static ParquetWriteOptions writeOptions() {
        return ParquetWriteOptions.defaults();
    }

    static Materializer materializer(TableSnapshots snapshots) {
        return new Materializer(snapshots, AnalyticsService.PAGES_PER_FILE, writeOptions());
    }
}
