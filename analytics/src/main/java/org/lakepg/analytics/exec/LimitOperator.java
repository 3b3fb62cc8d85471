package org.lakepg.analytics.exec;

import org.lakepg.analytics.batch.Batch;

/** Passes the first {@code limit} rows and then reports itself done. */
final class LimitOperator implements BatchSink {

    private final BatchSink out;
    private long remaining;

    LimitOperator(long limit, BatchSink out) {
        this.remaining = limit;
        this.out = out;
    }

    @Override
    public void accept(Batch batch) {
        if (remaining <= 0) {
            return;
        }
        if (batch.rowCount() <= remaining) {
            remaining -= batch.rowCount();
            out.accept(batch);
            return;
        }
        int n = (int) remaining;
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = i;
        }
        remaining = 0;
        out.accept(batch.gather(positions, n));
    }

    @Override
    public void finish() {
        out.finish();
    }

    @Override
    public boolean done() {
        return remaining <= 0 || out.done();
    }
}
