package org.lakepg.analytics.scan;

import java.util.List;
import java.util.function.Consumer;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.parquet.ColumnPredicate;
import org.lakepg.analytics.parquet.ScanStats;
import org.lakepg.analytics.plan.ScanSource;
import org.lakepg.analytics.snapshot.DataFile;
import org.lakepg.analytics.snapshot.Manifest;
import org.lakepg.analytics.snapshot.TableSnapshots;

/** The Parquet files of one snapshot exactly as of its LSN (no fresh pages): exports, benchmarks. */
public record SnapshotSource(TableSnapshots snapshots, Manifest manifest) implements ScanSource {

    @Override
    public Schema schema() {
        return manifest.schema();
    }

    @Override
    public ScanStats scan(List<Integer> columns, List<ColumnPredicate> pushdown, Consumer<Batch> sink) {
        ScanStats stats = ScanStats.NONE;
        for (DataFile f : manifest.files()) {
            stats = stats.plus(snapshots.scanFile(f, columns, pushdown, sink));
        }
        return stats;
    }
}
