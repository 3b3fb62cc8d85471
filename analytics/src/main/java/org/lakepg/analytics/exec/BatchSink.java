package org.lakepg.analytics.exec;

import org.lakepg.analytics.batch.Batch;

/**
 * The push interface between operators: a child pushes batches into its parent, then calls {@link #finish}.
 * Streaming operators (filter, project) forward at once; blocking ones (aggregate, sort) emit in finish.
 */
public interface BatchSink {

    void accept(Batch batch);

    /**
     * The rows {@code positions[0..count)} of {@code batch} (a filter's selection; the array is reused after the
     * call). A sink that can work on the selected rows in place overrides this; the default gathers them.
     */
    default void acceptSelected(Batch batch, int[] positions, int count) {
        accept(batch.gather(positions, count));
    }

    /**
     * The rows of {@code runs} of {@code batch} (a filter's result as runs, reused after the call); false, with
     * nothing added, when this sink does not add rows so: the filter then hands on a selection vector.
     */
    default boolean acceptRuns(Batch batch, RowRuns runs) {
        return false;
    }

    void finish();

    /** True once the sink needs no more input (a satisfied LIMIT), so scans can stop early. */
    default boolean done() {
        return false;
    }
}
