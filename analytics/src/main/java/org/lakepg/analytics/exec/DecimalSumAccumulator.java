package org.lakepg.analytics.exec;

import java.math.BigDecimal;
import java.util.Arrays;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.DecimalVector;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.VectorBuilder;

/**
 * sum/avg of numeric. Scaled input vectors (unscaled longs of one scale) are summed as longs per group at the scale
 * of the first scaled vector seen; a group's long that would overflow, and vectors of another scale or boxed, go to
 * the group's BigDecimal part. The result is the exact BigDecimal sum, whose scale is the largest input scale, as
 * PostgreSQL's numeric addition gives.
 */
final class DecimalSumAccumulator extends Accumulator {
    private final boolean average;
    /** Unscaled long sums at {@link #longScale} of the {@link #longCounts} values added as longs. */
    private long[] longSums = new long[0];
    private long[] longCounts = new long[0];
    private int longScale = -1;
    /** Sums of the {@link #bigCounts} values added boxed (and of long sums that would have overflowed). */
    private BigDecimal[] bigSums = new BigDecimal[0];
    private long[] bigCounts = new long[0];

    DecimalSumAccumulator(boolean average) {
        this.average = average;
    }

    @Override
    void grow(int groups) {
        longSums = Arrays.copyOf(longSums, groups);
        longCounts = Arrays.copyOf(longCounts, groups);
        bigSums = Arrays.copyOf(bigSums, groups);
        bigCounts = Arrays.copyOf(bigCounts, groups);
    }

    @Override
    void add(ColumnVector input, int[] ids, int n) {
        headroom = -1;
        DecimalVector decimals = (DecimalVector) input;
        if (decimals.isScaled() && (longScale < 0 || decimals.scale() == longScale)) {
            longScale = decimals.scale();
            addScaled(decimals, null, ids, n);
            return;
        }
        BigDecimal[] values = decimals.values();
        for (int r = 0; r < n; r++) {
            if (!input.isNull(r)) {
                int g = ids[r];
                bigSums[g] = bigSums[g] == null ? values[r] : bigSums[g].add(values[r]);
                bigCounts[g]++;
            }
        }
    }

    /** Rows {@code rows[0..n)} (null: 0..n) of a scaled vector at this accumulator's scale into groups {@code ids}. */
    private void addScaled(DecimalVector input, int[] rows, int[] ids, int n) {
        long[] values = input.unscaled();
        boolean nulls = input.nulls().hasNulls();
        for (int i = 0; i < n; i++) {
            int r = rows == null ? i : rows[i];
            if (nulls && input.isNull(r)) {
                continue;
            }
            int g = ids[i];
            longCounts[g]++; // one store less per row than a count plus a has-long flag
            long s = longSums[g];
            long v = values[r];
            long t = s + v;
            longSums[g] = ((s ^ t) & (v ^ t)) < 0 ? spillToBig(g, s, v) : t;
        }
    }

    @Override
    boolean mergeable() {
        return true;
    }

    @Override
    void merge(Accumulator other, int[] map, int otherGroups) {
        DecimalSumAccumulator o = (DecimalSumAccumulator) other;
        headroom = -1;
        if (longScale < 0) {
            longScale = o.longScale;
        }
        for (int g = 0; g < otherGroups; g++) {
            int m = map[g];
            if (o.bigCounts[g] > 0 || o.bigSums[g] != null) {
                bigSums[m] = bigSums[m] == null ? o.bigSums[g] : o.bigSums[g] == null ? bigSums[m]
                        : bigSums[m].add(o.bigSums[g]);
                bigCounts[m] += o.bigCounts[g];
            }
            if (o.longCounts[g] == 0) {
                continue;
            }
            if (o.longScale != longScale) { // the other side summed longs of another scale: add them exactly
                BigDecimal theirs = BigDecimal.valueOf(o.longSums[g], o.longScale);
                bigSums[m] = bigSums[m] == null ? theirs : bigSums[m].add(theirs);
                bigCounts[m] += o.longCounts[g];
                continue;
            }
            longCounts[m] += o.longCounts[g];
            long s = longSums[m];
            long v = o.longSums[g];
            long t = s + v;
            longSums[m] = ((s ^ t) & (v ^ t)) < 0 ? spillToBig(m, s, v) : t;
        }
    }

    @Override
    void addCounted(ColumnVector input, int[] ids, int n, int[] rows, int groups) {
        DecimalVector decimals = (DecimalVector) input;
        if (!decimals.isScaled() || (longScale >= 0 && decimals.scale() != longScale)) {
            add(input, ids, n);
            return;
        }
        longScale = decimals.scale();
        long[] values = decimals.unscaled();
        if (groups == 1 && sumOneGroup(values, decimals.magnitudeBits(), n)) {
            longCounts[0] += rows[0];
            return;
        }
        if (reserve(decimals.magnitudeBits(), n)) {
            for (int r = 0; r < n; r++) {
                longSums[ids[r]] += values[r];
            }
        } else {
            addChecked(values, ids, n);
        }
        for (int g = 0; g < groups; g++) {
            longCounts[g] += rows[g];
        }
    }

    @Override
    void addAt(ColumnVector input, int[] rows, int[] ids, int n) {
        DecimalVector decimals = (DecimalVector) input;
        if (!decimals.isScaled() || (longScale >= 0 && decimals.scale() != longScale)) {
            super.addAt(input, rows, ids, n);
            return;
        }
        headroom = -1;
        longScale = decimals.scale();
        addScaled(decimals, rows, ids, n);
    }

    @Override
    void addCountedAt(ColumnVector input, int[] rows, int[] ids, int n, int[] groupRows, int groups) {
        DecimalVector decimals = (DecimalVector) input;
        if (!decimals.isScaled() || (longScale >= 0 && decimals.scale() != longScale)) {
            super.addCountedAt(input, rows, ids, n, groupRows, groups);
            return;
        }
        longScale = decimals.scale();
        long[] values = decimals.unscaled();
        if (reserve(decimals.magnitudeBits(), n)) {
            for (int i = 0; i < n; i++) {
                longSums[ids[i]] += values[rows[i]];
            }
        } else {
            for (int i = 0; i < n; i++) {
                int g = ids[i];
                long s = longSums[g];
                long v = values[rows[i]];
                long t = s + v;
                longSums[g] = ((s ^ t) & (v ^ t)) < 0 ? spillToBig(g, s, v) : t;
            }
        }
        for (int g = 0; g < groups; g++) {
            longCounts[g] += groupRows[g];
        }
    }

    /** 2^62 minus an upper bound of every group's |long sum|, while known (-1: unknown, test every addition). */
    private long headroom = 1L << 62;

    /**
     * Whether n values of magnitude at most 2^k can be added to any group without an overflow test: they move a sum
     * by less than 2^(k + m) for n below 2^m, which is taken from the headroom; false (headroom unknown from then
     * on) when that does not fit.
     */
    private boolean reserve(int k, int n) {
        int m = 64 - Long.numberOfLeadingZeros(n);
        if (headroom >= 0 && k + m <= 61 && headroom >= 1L << (k + m)) {
            headroom -= 1L << (k + m);
            return true;
        }
        headroom = -1;
        return false;
    }

    /** The long sum of group g would overflow: moves what it held, and v, to the BigDecimal part; the long restarts at 0. */
    private long spillToBig(int g, long s, long v) {
        BigDecimal moved = BigDecimal.valueOf(s, longScale).add(BigDecimal.valueOf(v, longScale));
        bigSums[g] = bigSums[g] == null ? moved : bigSums[g].add(moved);
        return 0;
    }

    private void addChecked(long[] values, int[] ids, int n) {
        for (int r = 0; r < n; r++) {
            int g = ids[r];
            long s = longSums[g];
            long v = values[r];
            long t = s + v;
            longSums[g] = ((s ^ t) & (v ^ t)) < 0 ? spillToBig(g, s, v) : t;
        }
    }

    /**
     * All rows in group 0: sums in a register; false (nothing added) if that sum could have overflowed: n values of
     * magnitude at most 2^k, with n below 2^m and m + k <= 63, cannot leave the long range.
     */
    private boolean sumOneGroup(long[] values, int k, int n) {
        if (k + 64 - Long.numberOfLeadingZeros(n) > 63) {
            headroom = -1;
            return false;
        }
        reserve(k, n); // keeps the bound of group 0's sum for when more groups come
        long sum = 0;
        for (int r = 0; r < n; r++) {
            sum += values[r];
        }
        long s = longSums[0];
        long t = s + sum;
        longSums[0] = ((s ^ t) & (sum ^ t)) < 0 ? spillToBig(0, s, sum) : t;
        return true;
    }

    /** Scaled (at this accumulator's scale) without NULLs, and few and small enough values for a register sum. */
    @Override
    boolean canAddSelected(ColumnVector input, int count) {
        return input instanceof DecimalVector d && d.isScaled() && (longScale < 0 || d.scale() == longScale)
                && !d.nulls().hasNulls() && d.magnitudeBits() + 64 - Long.numberOfLeadingZeros(count) <= 63;
    }

    @Override
    void addSelected(ColumnVector input, int[] positions, int count) {
        DecimalVector decimals = (DecimalVector) input;
        longScale = decimals.scale();
        reserve(decimals.magnitudeBits(), count); // keeps the bound of group 0's sum for when more groups come
        long[] values = decimals.unscaled();
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[positions[i]];
        }
        longCounts[0] += count;
        long s = longSums[0];
        long t = s + sum;
        longSums[0] = ((s ^ t) & (sum ^ t)) < 0 ? spillToBig(0, s, sum) : t;
    }

    @Override
    boolean canAddRuns(ColumnVector input, int rows) {
        return canAddSelected(input, rows);
    }

    @Override
    int addRuns(ColumnVector input, RowRuns runs, int selected) {
        DecimalVector decimals = (DecimalVector) input;
        longScale = decimals.scale();
        reserve(decimals.magnitudeBits(), runs.rows()); // keeps the bound of group 0's sum for when more groups come
        long[] values = decimals.unscaled();
        RangeTest test = runs.test();
        long passedBefore = test == null ? 0 : test.passed();
        long sum = 0;
        for (int i = 0; i < runs.count(); i++) {
            int start = runs.start(i);
            int end = runs.end(i);
            if (test != null) {
                sum += test.sum(values, start, end);
            } else {
                for (int r = start; r < end; r++) {
                    sum += values[r];
                }
            }
        }
        int added = test == null ? runs.rows() : (int) (test.passed() - passedBefore);
        longCounts[0] += added;
        long s = longSums[0];
        long t = s + sum;
        longSums[0] = ((s ^ t) & (sum ^ t)) < 0 ? spillToBig(0, s, sum) : t;
        return added;
    }

    @Override
    ColumnVector result(int groups) {
        VectorBuilder out = new VectorBuilder(PgType.NUMERIC, groups);
        for (int g = 0; g < groups; g++) {
            long count = longCounts[g] + bigCounts[g];
            if (count == 0) {
                out.addNull();
                continue;
            }
            BigDecimal sum = bigSums[g];
            if (sum == null && !average && longScale >= 0) { // the common case: no BigDecimal for a long sum
                out.addScaledDecimal(longSums[g], longScale);
                continue;
            }
            if (longCounts[g] > 0) {
                BigDecimal longPart = BigDecimal.valueOf(longSums[g], longScale);
                sum = sum == null ? longPart : sum.add(longPart);
            }
            out.addDecimal(average ? NumericDivision.divide(sum, BigDecimal.valueOf(count)) : sum);
        }
        return out.build();
    }
}
