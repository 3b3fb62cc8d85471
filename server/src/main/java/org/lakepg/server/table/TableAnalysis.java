package org.lakepg.server.table;

import java.util.Iterator;
import org.lakepg.server.access.heap.HeapTuple;
import org.lakepg.server.stats.RelationStatistics;
import org.lakepg.server.stats.StatisticsCollector;
import org.lakepg.server.txn.Snapshot;

/** ANALYZE of one table, for the statement and for autovacuum alike: the rows visible at a snapshot, sampled. */
public final class TableAnalysis {
    private TableAnalysis() {}

    public static RelationStatistics analyze(TableCatalog tables, TableInfo table, Snapshot snapshot) {
        var heap = tables.heap(table);
        var codec = new RowCodec(table.columnTypes());
        Iterator<HeapTuple> tuples = heap.scan(snapshot);
        Iterator<Object[]> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return tuples.hasNext();
            }

            @Override
            public Object[] next() {
                return codec.decode(tuples.next().payload());
            }
        };
        return StatisticsCollector.collect(rows, table.columns().size(), heap.blockCount());
    }
}
