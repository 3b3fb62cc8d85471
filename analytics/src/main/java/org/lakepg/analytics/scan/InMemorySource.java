package org.lakepg.analytics.scan;

import java.util.List;
import java.util.function.Consumer;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.parquet.ColumnPredicate;
import org.lakepg.analytics.parquet.ScanStats;
import org.lakepg.analytics.plan.ScanSource;

/** Batches already in memory (decoded rows handed over by the server, test data). Pushdown is not applied. */
public record InMemorySource(Schema schema, List<Batch> batches) implements ScanSource {

    public InMemorySource {
        batches = List.copyOf(batches);
    }

    @Override
    public ScanStats scan(List<Integer> columns, List<ColumnPredicate> pushdown, Consumer<Batch> sink) {
        long rows = 0;
        for (Batch b : batches) {
            sink.accept(b.project(columns));
            rows += b.rowCount();
        }
        return new ScanStats(0, 0, 0, rows);
    }
}
