package org.lakepg.analytics.scan;

import java.util.List;
import java.util.function.Consumer;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.parquet.ColumnPredicate;
import org.lakepg.analytics.parquet.ScanStats;
import org.lakepg.analytics.plan.ScanSource;
import org.lakepg.analytics.snapshot.FreshRead;
import org.lakepg.analytics.snapshot.TableSnapshots;
import org.lakepg.analytics.source.TableSource;
import org.lakepg.storage.Lsn;

/** A table as of {@code lsn} with zero lag: snapshot files plus pages changed since, see {@link FreshRead}. */
public record FreshTableSource(TableSnapshots snapshots, TableSource table, Lsn lsn) implements ScanSource {

    @Override
    public Schema schema() {
        return table.schema();
    }

    @Override
    public ScanStats scan(List<Integer> columns, List<ColumnPredicate> pushdown, Consumer<Batch> sink) {
        return new FreshRead(snapshots).read(table, lsn, columns, pushdown, sink).parquet();
    }
}
