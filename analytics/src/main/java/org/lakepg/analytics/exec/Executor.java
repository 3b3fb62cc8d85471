package org.lakepg.analytics.exec;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.parquet.ScanStats;
import org.lakepg.analytics.plan.PlanNode;

/**
 * Runs a {@link PlanNode} tree push-style: each node becomes a sink its input pushes batches into; a hash join
 * first runs its right (build) side to completion. One instance per query; {@link #scanStats()} sums what the
 * scans read and skipped (EXPLAIN ANALYZE material).
 */
public final class Executor {

    private static final Runnable NO_CHECK = () -> { };

    private final AggregationWorkers workers;
    private final Runnable interruptCheck;
    private ScanStats scanStats = ScanStats.NONE;

    /** An executor that may borrow the process-wide helper threads ({@link AggregationWorkers#shared()}). */
    public Executor() {
        this(AggregationWorkers.shared(), NO_CHECK);
    }

    public Executor(AggregationWorkers workers) {
        this(workers, NO_CHECK);
    }

    /**
     * @param interruptCheck run on the query's thread between operators (before every batch and finish that moves up
     *                       the plan); it throws to stop the query (a cancel request, statement_timeout)
     */
    public Executor(AggregationWorkers workers, Runnable interruptCheck) {
        this.workers = workers;
        this.interruptCheck = interruptCheck;
    }

    /** Runs the plan and returns its output batches. */
    public List<Batch> collect(PlanNode plan) {
        List<Batch> out = new ArrayList<>();
        run(plan, new BatchSink() {
            @Override
            public void accept(Batch batch) {
                out.add(batch);
            }

            @Override
            public void finish() {
            }
        });
        return out;
    }

    /** Runs the plan into {@code parent}. */
    public void run(PlanNode plan, BatchSink parent) {
        BatchSink sink = interruptCheck == NO_CHECK ? parent : new InterruptCheckingSink(parent, interruptCheck);
        switch (plan) {
            case PlanNode.Scan scan -> {
                ScanStats stats = scan.source().scan(scan.columns(), scan.pushdown(), batch -> {
                    if (!sink.done() && batch.rowCount() > 0) {
                        sink.accept(batch);
                    }
                });
                scanStats = scanStats.plus(stats);
                sink.finish();
            }
            case PlanNode.Filter filter -> run(filter.input(), new FilterOperator(filter.predicate(), sink));
            case PlanNode.Project project -> run(project.input(),
                    new ProjectOperator(project.expressions(), project.schema(), sink));
            case PlanNode.Aggregate aggregate -> {
                ScanStats parallel = ParallelAggregation.tryRun(aggregate, workers, sink);
                if (parallel != null) {
                    scanStats = scanStats.plus(parallel);
                } else {
                    run(aggregate.input(), new HashAggregateOperator(aggregate, sink));
                }
            }
            case PlanNode.Sort sort -> run(sort.input(),
                    new SortOperator(sort.schema(), sort.keys(), sort.limit(), sink));
            case PlanNode.Limit limit -> run(limit.input(), new LimitOperator(limit.count(), sink));
            case PlanNode.HashJoin join -> {
                List<Batch> build = collect(join.right());
                Batch all = build.isEmpty() ? new Batch(join.right().schema(), emptyColumns(join.right()), 0)
                        : Vectors.concat(join.right().schema(), build);
                run(join.left(), new HashJoinOperator(join, all, sink));
            }
        }
    }

    private static List<org.lakepg.analytics.batch.ColumnVector> emptyColumns(PlanNode node) {
        List<org.lakepg.analytics.batch.ColumnVector> vectors = new ArrayList<>();
        for (var c : node.schema().columns()) {
            vectors.add(org.lakepg.analytics.batch.ColumnVector.nulls(c.type(), 0));
        }
        return vectors;
    }

    public ScanStats scanStats() {
        return scanStats;
    }
}
