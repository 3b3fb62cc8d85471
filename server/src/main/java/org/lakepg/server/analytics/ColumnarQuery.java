package org.lakepg.server.analytics;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.exec.AggregationWorkers;
import org.lakepg.analytics.exec.Executor;
import org.lakepg.analytics.parquet.ColumnPredicate;
import org.lakepg.analytics.parquet.ScanStats;
import org.lakepg.analytics.plan.ScanSource;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.txn.Snapshot;

/**
 * Runs a routed subtree on the vectorized engine: its scans read each table fresh as of the statement's snapshot
 * (Parquet files of unchanged page ranges + pages changed since, decoded with the snapshot's visibility), so the rows
 * equal the row engine's. A value batches cannot hold sends the subtree back to the row engine.
 *
 * @param plan        the subtree translated at routing, its scans {@link TableScanSlot}s bound at each run
 * @param description what EXPLAIN prints for the node: title and detail lines (computed only for EXPLAIN: it looks up
 *                    snapshots and changed pages, which a plain execution need not pay for)
 */
public record ColumnarQuery(AnalyticsService service, PlanNode rowPlan, org.lakepg.analytics.plan.PlanNode plan,
                            Supplier<List<String>> description) {

    public List<String> explain() {
        return description.get();
    }

    public Iterator<Object[]> run(ExecContext context) {
        Snapshot snapshot = context.tables().transaction().snapshot();
        org.lakepg.analytics.plan.PlanNode bound = TableScanSlot.bind(plan, slot -> {
            HeapRelation heap = context.tables().heap(slot.scanNode().table());
            return cancellable(service.freshScan(heap.context(), heap, slot.scanNode().table(), slot.schema(), snapshot),
                    context);
        });
        List<Batch> batches;
        try {
            batches = new Executor(AggregationWorkers.shared(), context::checkInterrupts).collect(bound);
        } catch (UnsupportedValueException | IllegalArgumentException notForBatches) {
            service.countRun(false);
            return context.runSubplan(rowPlan);
        }
        context.checkInterrupts(); // a timeout during the last phase (an aggregate's emit) stops the run here
        service.countRun(true);
        List<Object[]> rows = new ArrayList<>();
        for (Batch b : batches) {
            for (int i = 0; i < b.rowCount(); i++) {
                Object[] row = b.row(i);
                for (int c = 0; c < row.length; c++) {
                    row[c] = ColumnTypes.toRow(row[c]);
                }
                rows.add(row);
            }
        }
        return rows.iterator();
    }

    /**
     * The scan checks for a cancel request and statement_timeout before it hands on each batch (on the query's
     * thread, which does the scanning also when a helper thread aggregates): a PgException (57014) thrown there ends
     * the run, and a helper thread is stopped before it propagates.
     */
    private static ScanSource cancellable(ScanSource source, ExecContext context) {
        return new ScanSource() {
            @Override
            public Schema schema() {
                return source.schema();
            }

            @Override
            public ScanStats scan(List<Integer> columns, List<ColumnPredicate> pushdown, Consumer<Batch> sink) {
                context.checkInterrupts();
                return source.scan(columns, pushdown, batch -> {
                    context.checkInterrupts();
                    sink.accept(batch);
                });
            }
        };
    }
}
