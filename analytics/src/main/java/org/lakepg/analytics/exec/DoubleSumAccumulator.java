package org.lakepg.analytics.exec;

import java.util.Arrays;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.DoubleVector;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.VectorBuilder;

/** sum(float8), and avg of either float type (accumulated in float8). */
final class DoubleSumAccumulator extends Accumulator {
    private final boolean average;
    private double[] sums = new double[0];
    private long[] counts = new long[0];

    DoubleSumAccumulator(boolean average) {
        this.average = average;
    }

    @Override
    void grow(int groups) {
        sums = Arrays.copyOf(sums, groups);
        counts = Arrays.copyOf(counts, groups);
    }

    @Override
    void add(ColumnVector input, int[] ids, int n) {
        double[] values = input instanceof DoubleVector d ? d.values() : Vectors.doubles(input);
        boolean nulls = input.nulls().hasNulls();
        for (int r = 0; r < n; r++) {
            if (nulls && input.isNull(r)) {
                continue;
            }
            int g = ids[r];
            sums[g] += values[r];
            counts[g]++;
        }
    }

    @Override
    ColumnVector result(int groups) {
        VectorBuilder out = new VectorBuilder(PgType.FLOAT8, groups);
        for (int g = 0; g < groups; g++) {
            if (counts[g] == 0) {
                out.addNull();
            } else {
                out.addDouble(average ? sums[g] / counts[g] : sums[g]);
            }
        }
        return out.build();
    }
}
