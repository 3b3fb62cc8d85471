package org.lakepg.analytics.exec;

import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.IntVector;
import org.lakepg.analytics.batch.LongVector;
import org.lakepg.analytics.batch.ShortVector;

/**
 * "lo <= v <= hi" on an integer-like vector's primitive values (NULL slots are not excluded here: the caller drops
 * or rules out NULLs), tested on runs of consecutive rows or on selected rows. The loops have no branch on the
 * outcome: a row is counted, written or added by a 0/-1 mask. On int values (int2, int4, date) the mask is pure
 * arithmetic: v - lo as an unsigned 32-bit number, minus (hi - lo + 1), is negative exactly for the rows in range,
 * so its sign bit is the mask; the JIT compiles such loops to SIMD code (about twice as fast as a compare per row).
 * On long values it is one unsigned comparison, v - lo <= hi - lo (mod 2^64), shifted by MIN_VALUE to a signed one.
 * Not thread-safe ({@link #passed}): one per batch and thread.
 */
final class RangeTest {

    private final int[] ints;
    private final long[] longs;
    /** ints: lo clamped to the int range, and the count of values in range (0 when none can be). */
    private final int lo32;
    private final long span;
    /** longs: see the class comment. */
    private final long base;
    private final long width;
    /** Rows that passed in the calls of {@link #sum} so far. */
    private long passed;

    private RangeTest(int[] ints, long[] longs, long lo, long hi) {
        this.ints = ints;
        this.longs = longs;
        long lo32 = Math.max(lo, Integer.MIN_VALUE);
        long hi32 = Math.min(hi, Integer.MAX_VALUE);
        this.lo32 = (int) lo32;
        this.span = Math.max(0, hi32 - lo32 + 1);
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

    /** -1 if int {@code v} is in range, else 0. */
    private long mask(int v) {
        return (((v - lo32) & 0xFFFFFFFFL) - span) >> 63;
    }

    /** -1 if long {@code v} is in range, else 0. */
    private long mask(long v) {
        return v - base <= width ? -1L : 0L;
    }

    /** Rows start..end that pass, appended to {@code out} from {@code kept} on; returns the new count. */
    int run(int start, int end, int[] out, int kept) {
        if (ints != null) {
            int[] a = ints;
            for (int r = start; r < end; r++) {
                out[kept] = r;
                kept -= (int) mask(a[r]);
            }
        } else {
            long[] a = longs;
            for (int r = start; r < end; r++) {
                out[kept] = r;
                kept -= (int) mask(a[r]);
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
            kept -= (int) (ints != null ? mask(ints[r]) : mask(longs[r]));
        }
        return kept;
    }

    /** How many of rows start..end pass. */
    int count(int start, int end) {
        long n = 0;
        if (ints != null) {
            int[] a = ints;
            for (int r = start; r < end; r++) {
                n -= mask(a[r]);
            }
        } else {
            long[] a = longs;
            for (int r = start; r < end; r++) {
                n -= mask(a[r]);
            }
        }
        return (int) n;
    }

    /**
     * The sum of {@code values[r]} over the rows start..end that pass (the caller rules out an overflow); adds how
     * many passed to {@link #passed()}, so a sum needs no counting pass of its own.
     */
    long sum(long[] values, int start, int end) {
        long sum = 0;
        long n = 0;
        if (ints != null) {
            int[] a = ints;
            for (int r = start; r < end; r++) {
                long m = mask(a[r]);
                sum += values[r] & m;
                n -= m;
            }
        } else {
            long[] a = longs;
            for (int r = start; r < end; r++) {
                long m = mask(a[r]);
                sum += values[r] & m;
                n -= m;
            }
        }
        passed += n;
        return sum;
    }

    /** The rows that passed in the calls of {@link #sum} so far. */
    long passed() {
        return passed;
    }
}
