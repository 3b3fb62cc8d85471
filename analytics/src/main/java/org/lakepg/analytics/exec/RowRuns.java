package org.lakepg.analytics.exec;

import java.util.Arrays;

/**
 * A filter's result for one batch as runs of consecutive rows (what a zone-mapped range makes), of which a row is
 * selected when {@link #test()} passes (null: every row of a run): a sink that can add runs (an aggregate without
 * GROUP BY) reads the values straight from the runs, without a selection vector written and read in between.
 * Reused batch after batch by one filter.
 */
final class RowRuns {

    /** start, end of run i at 2i, 2i + 1; runs ascending and disjoint. */
    private int[] bounds = new int[64];
    private int count;
    private RangeTest test;

    void clear(RangeTest test) {
        this.count = 0;
        this.test = test;
    }

    /** Appends rows start..end (ignored when empty), joined with the previous run when it ends at start. */
    void add(int start, int end) {
        if (start >= end) {
            return;
        }
        if (count > 0 && bounds[2 * count - 1] == start) {
            bounds[2 * count - 1] = end;
            return;
        }
        if (2 * count + 2 > bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[2 * count] = start;
        bounds[2 * count + 1] = end;
        count++;
    }

    int count() {
        return count;
    }

    int start(int run) {
        return bounds[2 * run];
    }

    int end(int run) {
        return bounds[2 * run + 1];
    }

    /** The second term tested on every row of the runs, or null. */
    RangeTest test() {
        return test;
    }

    /** The rows in the runs, an upper bound of the selected ones. */
    int rows() {
        int n = 0;
        for (int i = 0; i < count; i++) {
            n += bounds[2 * i + 1] - bounds[2 * i];
        }
        return n;
    }

    /** The selected rows as a selection vector; returns how many. */
    int positions(int[] out) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int start = bounds[2 * i];
            int end = bounds[2 * i + 1];
            if (test != null) {
                kept = test.run(start, end, out, kept);
            } else {
                for (int r = start; r < end; r++) {
                    out[kept++] = r;
                }
            }
        }
        return kept;
    }
}
