package org.lakepg.analytics.exec;

import java.math.BigDecimal;
import java.util.Arrays;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.IntVector;
import org.lakepg.analytics.batch.ShortVector;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.VectorBuilder;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * sum/avg of integers: a long per group, moving to BigDecimal only for a group whose sum leaves the long range.
 * sum(int2/int4) is int8 (and overflowing it is an error); sum(int8) and avg are numeric.
 */
final class IntegerSumAccumulator extends Accumulator {
    private final boolean numericResult;
    private final boolean average;
    private long[] sums = new long[0];
    private long[] counts = new long[0];
    private BigDecimal[] big = new BigDecimal[0];

    IntegerSumAccumulator(boolean numericResult, boolean average) {
        this.numericResult = numericResult;
        this.average = average;
    }

    @Override
    void grow(int groups) {
        sums = Arrays.copyOf(sums, groups);
        counts = Arrays.copyOf(counts, groups);
        big = Arrays.copyOf(big, groups);
    }

    /**
     * How far any group's long may still move without a possible overflow: every batch of int2/int4 values moves a
     * sum by less than n * 2^31, so while this stays positive the per-row overflow test can be skipped. An int8
     * batch has no such bound and ends it (-1).
     */
    private long headroom = Long.MAX_VALUE;

    @Override
    void add(ColumnVector input, int[] ids, int n) {
        long bound = input instanceof IntVector || input instanceof ShortVector ? (long) n << 31 : -1;
        headroom = bound < 0 || headroom < bound ? -1 : headroom - bound;
        if (headroom >= 0 && input instanceof IntVector ints && !input.nulls().hasNulls()) {
            int[] values = ints.values();
            for (int r = 0; r < n; r++) {
                int g = ids[r];
                counts[g]++;
                sums[g] += values[r];
            }
            return;
        }
        long[] values = Vectors.longs(input);
        boolean nulls = input.nulls().hasNulls();
        for (int r = 0; r < n; r++) {
            if (nulls && input.isNull(r)) {
                continue;
            }
            int g = ids[r];
            counts[g]++;
            long s = sums[g];
            long v = values[r];
            long t = s + v;
            if (((s ^ t) & (v ^ t)) < 0) { // overflow
                if (!numericResult) {
                    throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
                }
                big[g] = (big[g] == null ? BigDecimal.ZERO : big[g]).add(BigDecimal.valueOf(s))
                        .add(BigDecimal.valueOf(v));
                t = 0;
            }
            sums[g] = t;
        }
    }

    @Override
    void addCountedAt(ColumnVector input, int[] rows, int[] ids, int n, int[] groupRows, int groups) {
        long bound = input instanceof IntVector ? (long) n << 31 : -1;
        if (bound < 0 || headroom < bound) {
            super.addCountedAt(input, rows, ids, n, groupRows, groups);
            return;
        }
        headroom -= bound;
        int[] values = ((IntVector) input).values();
        for (int i = 0; i < n; i++) {
            sums[ids[i]] += values[rows[i]];
        }
        for (int g = 0; g < groups; g++) {
            counts[g] += groupRows[g];
        }
    }

    @Override
    boolean mergeable() {
        return true;
    }

    @Override
    void merge(Accumulator other, int[] map, int otherGroups) {
        IntegerSumAccumulator o = (IntegerSumAccumulator) other;
        headroom = -1; // merged sums may be anywhere in the long range
        for (int g = 0; g < otherGroups; g++) {
            if (o.counts[g] == 0) {
                continue;
            }
            int m = map[g];
            counts[m] += o.counts[g];
            if (o.big[g] != null) {
                big[m] = big[m] == null ? o.big[g] : big[m].add(o.big[g]);
            }
            long s = sums[m];
            long v = o.sums[g];
            long t = s + v;
            if (((s ^ t) & (v ^ t)) < 0) {
                if (!numericResult) {
                    throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
                }
                big[m] = (big[m] == null ? BigDecimal.ZERO : big[m]).add(BigDecimal.valueOf(s)).add(BigDecimal.valueOf(v));
                t = 0;
            }
            sums[m] = t;
        }
    }

    @Override
    void addCounted(ColumnVector input, int[] ids, int n, int[] rows, int groups) {
        long bound = input instanceof IntVector || input instanceof ShortVector ? (long) n << 31 : -1;
        if (bound < 0 || headroom < bound) {
            add(input, ids, n);
            return;
        }
        headroom -= bound;
        if (groups == 1 && input instanceof IntVector ints) { // one group: a register sum, not a store per row
            int[] values = ints.values();
            long sum = 0;
            for (int r = 0; r < n; r++) {
                sum += values[r];
            }
            sums[0] += sum;
        } else if (input instanceof IntVector ints) {
            int[] values = ints.values();
            for (int r = 0; r < n; r++) {
                sums[ids[r]] += values[r];
            }
        } else {
            short[] values = ((ShortVector) input).values();
            for (int r = 0; r < n; r++) {
                sums[ids[r]] += values[r];
            }
        }
        for (int g = 0; g < groups; g++) {
            counts[g] += rows[g];
        }
    }

    /** int4/int2 without NULLs: a register sum (fewer than 2^31 values of an int cannot leave the long range). */
    @Override
    boolean canAddSelected(ColumnVector input, int count) {
        return (input instanceof IntVector || input instanceof ShortVector) && !input.nulls().hasNulls();
    }

    @Override
    void addSelected(ColumnVector input, int[] positions, int count) {
        long bound = (long) count << 31;
        headroom = headroom < bound ? -1 : headroom - bound;
        long sum = 0;
        if (input instanceof IntVector ints) {
            int[] values = ints.values();
            for (int i = 0; i < count; i++) {
                sum += values[positions[i]];
            }
        } else {
            short[] values = ((ShortVector) input).values();
            for (int i = 0; i < count; i++) {
                sum += values[positions[i]];
            }
        }
        counts[0] += count;
        addToFirstGroup(sum);
    }

    /** Adds a batch's sum to group 0 (no GROUP BY), spilling to BigDecimal (numeric results) when the long overflows. */
    private void addToFirstGroup(long sum) {
        long s = sums[0];
        long t = s + sum;
        if (((s ^ t) & (sum ^ t)) < 0) {
            if (!numericResult) {
                throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
            }
            big[0] = (big[0] == null ? BigDecimal.ZERO : big[0]).add(BigDecimal.valueOf(s)).add(BigDecimal.valueOf(sum));
            t = 0;
        }
        sums[0] = t;
    }

    @Override
    ColumnVector result(int groups) {
        VectorBuilder out = new VectorBuilder(numericResult ? PgType.NUMERIC : PgType.INT8, groups);
        for (int g = 0; g < groups; g++) {
            if (counts[g] == 0) {
                out.addNull();
            } else if (!numericResult) {
                out.addLong(sums[g]);
            } else {
                BigDecimal sum = BigDecimal.valueOf(sums[g]);
                if (big[g] != null) {
                    sum = sum.add(big[g]);
                }
                out.addObject(average ? NumericDivision.divide(sum, BigDecimal.valueOf(counts[g])) : sum);
            }
        }
        return out.build();
    }
}
