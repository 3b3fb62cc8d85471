package org.lakepg.analytics.exec;

import org.lakepg.analytics.batch.Batch;

/**
 * Runs the query's interrupt check (a cancel request, statement_timeout: it throws) before each batch and before the
 * finish it forwards. Between every two operators of a plan, so a blocking operator's long phases (a sort, an
 * aggregate's merge of partial states) are followed by a check before their output moves on, not only the scan.
 */
final class InterruptCheckingSink implements BatchSink {

    private final BatchSink out;
    private final Runnable check;

    InterruptCheckingSink(BatchSink out, Runnable check) {
        this.out = out;
        this.check = check;
    }

    @Override
    public void accept(Batch batch) {
        check.run();
        out.accept(batch);
    }

    @Override
    public void acceptSelected(Batch batch, int[] positions, int count) {
        check.run();
        out.acceptSelected(batch, positions, count);
    }

    @Override
    public boolean acceptRuns(Batch batch, RowRuns runs) {
        check.run();
        return out.acceptRuns(batch, runs);
    }

    @Override
    public void finish() {
        check.run();
        out.finish();
    }

    @Override
    public boolean done() {
        return out.done();
    }
}
