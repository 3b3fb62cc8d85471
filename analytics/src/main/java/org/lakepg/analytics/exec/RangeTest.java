package org.lakepg.analytics.exec;

import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.IntVector;
import org.lakepg.analytics.batch.LongVector;
import org.lakepg.analytics.batch.ShortVector;

/**
 * "lo <= v <= hi" on an integer-like vector's primitive values (NULL slots are not excluded here: the caller drops
 * or rules out NULLs), tested on runs of consecutive rows or on selected rows. The loops have no branch on the
 * outcome: lo <= v <= hi is one unsigned comparison, v - lo <= hi - lo (mod 2^64), shifted by MIN_VALUE to a signed
 * one, and a row is counted, written or added by the 0/1 outcome.
 */
final class RangeTest {

    private final int[] ints;
    private final long[] longs;
    private final long base;
    private final long width;

    private RangeTest(int[] ints, long[] longs, long lo, long hi) {
        this.ints = ints;
        this.longs = longs;
        this.base = lo - Long.MIN_VALUE;
        this.width = (hi - lo) + Long.MIN_VALUE;
    }

    /** The test on {@code vector} (int2/int4/date/int8/timestamp values); {@code lo <= hi}. */
    static RangeTest of(ColumnVector vector, long lo, long hi) {
        return switch (vector) {
            case IntVector v -> new RangeTest(v.values(), null, lo, hi);
            case LongVector v -> new RangeTest(null, v.values(), lo, hi);
            case ShortVector v -> new RangeTest(Selection.widen(v), null, lo, hi);
            default -> throw new IllegalStateException("not an integer-like vector: " + vector);
        };
    }

    /** Rows start..end that pass, appended to {@code out} from {@code kept} on; returns the new count. */
    int run(int start, int end, int[] out, int kept) {
        if (ints != null) {
            int[] a = ints;
            for (int r = start; r < end; r++) {
                out[kept] = r;
                kept += a[r] - base <= width ? 1 : 0;
            }
        } else {
            long[] a = longs;
            for (int r = start; r < end; r++) {
                out[kept] = r;
                kept += a[r] - base <= width ? 1 : 0;
            }
        }
        return kept;
    }

    /** Keeps those of {@code rows[from..to)} that pass, compacted in place from {@code from}; returns the new end. */
    int refine(int[] rows, int from, int to) {
        int kept = from;
        for (int i = from; i < to; i++) {
            int r = rows[i];
            rows[kept] = r;
            long v = ints != null ? ints[r] : longs[r];
            kept += v - base <= width ? 1 : 0;
        }
        return kept;
    }

    /** How many of rows start..end pass. */
    int count(int start, int end) {
        int n = 0;
        if (ints != null) {
            int[] a = ints;
            for (int r = start; r < end; r++) {
                n += a[r] - base <= width ? 1 : 0;
            }
        } else {
            long[] a = longs;
            for (int r = start; r < end; r++) {
                n += a[r] - base <= width ? 1 : 0;
            }
        }
        return n;
    }

    /** The sum of {@code values[r]} over the rows start..end that pass (the caller rules out an overflow). */
    long sum(long[] values, int start, int end) {
        long sum = 0;
        if (ints != null) {
            int[] a = ints;
            for (int r = start; r < end; r++) {
                sum += values[r] & -(a[r] - base <= width ? 1L : 0L);
            }
        } else {
            long[] a = longs;
            for (int r = start; r < end; r++) {
                sum += values[r] & -(a[r] - base <= width ? 1L : 0L);
            }
        }
        return sum;
    }

    /** The sum of {@code values[r]} over the rows start..end that pass. */
    long sum(int[] values, int start, int end) {
        long sum = 0;
        if (ints != null) {
            int[] a = ints;
            for (int r = start; r < end; r++) {
                sum += values[r] & -(a[r] - base <= width ? 1L : 0L);
            }
        } else {
            long[] a = longs;
            for (int r = start; r < end; r++) {
                sum += values[r] & -(a[r] - base <= width ? 1L : 0L);
            }
        }
        return sum;
    }
}
