package org.lakepg.analytics.exec;

import org.lakepg.analytics.batch.Batch;

/**
 * The push interface between operators: a child pushes batches into its parent, then calls {@link #finish}.
 * Streaming operators (filter, project) forward at once; blocking ones (aggregate, sort) emit in finish.
 */
public interface BatchSink {

    void accept(Batch batch);

    void finish();

    /** True once the sink needs no more input (a satisfied LIMIT), so scans can stop early. */
    default boolean done() {
        return false;
    }
}
