package org.lakepg.storage.cloud.metrics;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A lock-free latency histogram in microseconds: log-linear buckets (8 per power of two, so a percentile is within
 * about 9% of the true value) from 1 µs to about 2^40 µs. Cheap enough to record every commit and every RPC.
 * Cumulative: a reader interested in an interval subtracts two {@linkplain #snapshot snapshots}.
 */
public final class LatencyHistogram {

    /** Sub-buckets per power of two. */
    private static final int SUB_BITS = 3;
    private static final int SUB = 1 << SUB_BITS;
    /** Buckets: values 0..SUB-1 exactly, then SUB per power of two up to 2^40. */
    public static final int BUCKETS = SUB + (40 - SUB_BITS) * SUB;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAdder sumMicros = new LongAdder();

    public void recordNanos(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        counts.incrementAndGet(bucket(micros));
        sumMicros.add(micros);
    }

    /** Times {@code since} (a {@link System#nanoTime()} value) until now. */
    public void recordSince(long since) {
        recordNanos(System.nanoTime() - since);
    }

    /** The bucket holding {@code micros}. */
    static int bucket(long micros) {
        if (micros < SUB) {
            return (int) micros;
        }
        int log = 63 - Long.numberOfLeadingZeros(micros); // >= SUB_BITS
        int sub = (int) (micros >>> (log - SUB_BITS)) & (SUB - 1);
        int index = SUB + (log - SUB_BITS) * SUB + sub;
        return Math.min(index, BUCKETS - 1);
    }

    /** The largest value (µs) bucket {@code index} holds. */
    public static long upperMicros(int index) {
        if (index < SUB) {
            return index;
        }
        int log = (index - SUB) / SUB + SUB_BITS;
        int sub = (index - SUB) % SUB;
        long low = (1L << log) + ((long) sub << (log - SUB_BITS));
        return low + (1L << (log - SUB_BITS)) - 1;
    }

    public Snapshot snapshot() {
        long[] c = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            c[i] = counts.get(i);
        }
        return new Snapshot(c, sumMicros.sum());
    }

    /** Bucket counts at one moment; {@link #minus} gives an interval. */
    public record Snapshot(long[] counts, long sumMicros) {

        public long count() {
            long n = 0;
            for (long c : counts) {
                n += c;
            }
            return n;
        }

        public Snapshot minus(Snapshot earlier) {
            long[] c = new long[BUCKETS];
            for (int i = 0; i < BUCKETS; i++) {
                c[i] = counts[i] - earlier.counts[i];
            }
            return new Snapshot(c, sumMicros - earlier.sumMicros);
        }

        /** The value (µs, a bucket's upper bound) at or below which a fraction {@code q} of the samples lie; 0 if empty. */
        public long percentileMicros(double q) {
            long total = count();
            if (total == 0) {
                return 0;
            }
            long rank = Math.max(1, (long) Math.ceil(q * total));
            long seen = 0;
            for (int i = 0; i < BUCKETS; i++) {
                seen += counts[i];
                if (seen >= rank) {
                    return upperMicros(i);
                }
            }
            return upperMicros(BUCKETS - 1);
        }

        public long meanMicros() {
            long n = count();
            return n == 0 ? 0 : sumMicros / n;
        }
    }
}
