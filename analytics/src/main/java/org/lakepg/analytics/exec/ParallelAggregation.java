package org.lakepg.analytics.exec;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.parquet.ScanStats;
import org.lakepg.analytics.plan.PlanNode;

/**
 * GROUP BY over a scan (with filters and projections between) on two threads: the query's thread scans and hands a
 * batch to the helper whenever the helper is ready for one, otherwise runs the batch through its own copy of the
 * filters, projections and aggregate states; at the end the two states are merged ({@link AggregateState#merge}),
 * which gives exactly the sequential result. Used only when every aggregate merges exactly and a helper is free.
 */
final class ParallelAggregation {

    private static final Item END = new Item(-1, null);

    private record Item(long number, Batch batch) {
    }

    private final PlanNode.Aggregate node;
    private final PlanNode.Scan scan;
    /** Capacity 1: the helper holds at most one waiting batch, so neither thread waits long for the other at the end. */
    private final BlockingQueue<Item> handoff = new ArrayBlockingQueue<>(1);
    private final AggregateState helperState;
    private final BatchSink helperChain;
    private volatile Throwable helperFailure;
    private volatile boolean abandoned;

    private ParallelAggregation(PlanNode.Aggregate node, PlanNode.Scan scan) {
        this.node = node;
        this.scan = scan;
        this.helperState = new AggregateState(node);
        this.helperChain = chain(node.input(), helperState);
    }

    /** The scan below a chain of filters and projections (what runs per batch), or null. */
    private static PlanNode.Scan scanBelow(PlanNode node) {
        return switch (node) {
            case PlanNode.Scan s -> s;
            case PlanNode.Filter f -> scanBelow(f.input());
            case PlanNode.Project p -> scanBelow(p.input());
            default -> null;
        };
    }

    /** The operators between the scan and {@code top}, as the sink the scan's batches go into. */
    private static BatchSink chain(PlanNode node, BatchSink top) {
        return switch (node) {
            case PlanNode.Scan s -> top;
            case PlanNode.Filter f -> chain(f.input(), new FilterOperator(f.predicate(), top));
            case PlanNode.Project p -> chain(p.input(), new ProjectOperator(p.expressions(), p.schema(), top));
            default -> throw new IllegalArgumentException("not a per-batch chain: " + node);
        };
    }

    /**
     * Runs {@code node} on two threads into {@code out} and returns what the scan read; null (nothing done) when the
     * plan does not qualify or no helper is free.
     */
    static ScanStats tryRun(PlanNode.Aggregate node, AggregationWorkers workers, BatchSink out) {
        PlanNode.Scan scan = scanBelow(node.input());
        if (scan == null || !AggregateState.mergeable(node) || !workers.hasHelpers()) {
            return null;
        }
        return new ParallelAggregation(node, scan).run(workers, out);
    }

    /**
     * The helper is asked for only when a second batch comes: a scan of one batch (a small table) runs on the query's
     * thread alone, without waking a thread and waiting for it (~0.5 ms on a quiet machine, far more on a busy one).
     * If the helper is busy then, the query's thread does all the work.
     */
    private ScanStats run(AggregationWorkers workers, BatchSink out) {
        AggregateState mine = new AggregateState(node);
        BatchSink myChain = chain(node.input(), mine);
        long[] next = {0};
        List<Future<?>> helper = new java.util.ArrayList<>(1);
        ScanStats stats = null;
        boolean scanned = false;
        Throwable failure = null;
        try {
            stats = scan.source().scan(scan.columns(), scan.pushdown(), batch -> {
                if (batch.rowCount() == 0) {
                    return;
                }
                if (helperFailure != null) {
                    throw new HelperFailed();
                }
                long number = next[0]++;
                if (number == 1) {
                    Future<?> started = workers.tryStart(this::helperLoop);
                    if (started != null) {
                        helper.add(started);
                    }
                }
                if (helper.isEmpty() || !handoff.offer(new Item(number, batch))) {
                    mine.batchNumber = number;
                    myChain.accept(batch);
                }
            });
            scanned = true;
        } catch (RuntimeException | Error e) {
            failure = causedBy(e, HelperFailed.class) ? null : e;
        } finally {
            if (!helper.isEmpty()) {
                stop(helper.get(0), !scanned);
            }
        }
        if (failure != null) {
            throw sneaky(failure);
        }
        if (helperFailure != null) {
            throw sneaky(helperFailure);
        }
        AggregateState.merge(node, List.of(mine, helperState)).emit(out);
        return stats;
    }

    private void helperLoop() {
        while (true) {
            Item item;
            try {
                item = handoff.take();
            } catch (InterruptedException e) {
                return; // only when the pool shuts down
            }
            if (item == END) {
                return;
            }
            if (abandoned || helperFailure != null) {
                continue;
            }
            try {
                helperState.batchNumber = item.number();
                helperChain.accept(item.batch());
            } catch (Throwable t) {
                helperFailure = t;
            }
        }
    }

    /** Ends the helper's loop and waits for it (its state is complete and visible after this). */
    private void stop(Future<?> helper, boolean abandon) {
        boolean interrupted = false;
        if (abandon) {
            abandoned = true;
            handoff.clear();
        }
        while (true) {
            try {
                handoff.put(END);
                break;
            } catch (InterruptedException e) {
                interrupted = true; // a cancelled query: drop the waiting batch so END fits at once
                abandoned = true;
                handoff.clear();
            }
        }
        while (true) {
            try {
                helper.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                if (helperFailure == null) {
                    helperFailure = e.getCause();
                }
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the scan once the helper failed; its error is what the query reports. */
    private static final class HelperFailed extends RuntimeException {
        HelperFailed() {
            super(null, null, false, false);
        }
    }

    private static boolean causedBy(Throwable t, Class<?> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static RuntimeException sneaky(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
