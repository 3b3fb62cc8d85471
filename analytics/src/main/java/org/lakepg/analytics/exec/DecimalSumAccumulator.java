package org.lakepg.analytics.exec;

import java.math.BigDecimal;
import java.util.Arrays;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.DecimalVector;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.VectorBuilder;

/** sum/avg of numeric. */
final class DecimalSumAccumulator extends Accumulator {
    private final boolean average;
    private BigDecimal[] sums = new BigDecimal[0];
    private long[] counts = new long[0];

    DecimalSumAccumulator(boolean average) {
        this.average = average;
    }

    @Override
    void grow(int groups) {
        sums = Arrays.copyOf(sums, groups);
        counts = Arrays.copyOf(counts, groups);
    }

    @Override
    void add(ColumnVector input, int[] ids, int n) {
        BigDecimal[] values = ((DecimalVector) input).values();
        for (int r = 0; r < n; r++) {
            if (!input.isNull(r)) {
                int g = ids[r];
                sums[g] = sums[g] == null ? values[r] : sums[g].add(values[r]);
                counts[g]++;
            }
        }
    }

    @Override
    ColumnVector result(int groups) {
        VectorBuilder out = new VectorBuilder(PgType.NUMERIC, groups);
        for (int g = 0; g < groups; g++) {
            if (counts[g] == 0) {
                out.addNull();
            } else {
                out.addObject(average ? NumericDivision.divide(sums[g], BigDecimal.valueOf(counts[g])) : sums[g]);
            }
        }
        return out.build();
    }
}
