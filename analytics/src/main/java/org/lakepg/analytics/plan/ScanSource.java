package org.lakepg.analytics.plan;

import java.util.List;
import java.util.function.Consumer;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.parquet.ColumnPredicate;
import org.lakepg.analytics.parquet.ScanStats;

/** Where a scan's batches come from: a fresh table read at an LSN, Parquet files, or batches in memory. */
public interface ScanSource {

    Schema schema();

    /**
     * Hands {@code sink} batches of {@code columns} (indexes into {@link #schema()}); may leave out row groups that
     * cannot satisfy {@code pushdown}, never rows that can.
     */
    ScanStats scan(List<Integer> columns, List<ColumnPredicate> pushdown, Consumer<Batch> sink);
}
