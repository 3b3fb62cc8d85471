package org.lakepg.analytics.exec;

import java.util.Arrays;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.FloatVector;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.VectorBuilder;

/** sum(float4) accumulates in float4, as float4pl does. */
final class FloatSumAccumulator extends Accumulator {
    private float[] sums = new float[0];
    private boolean[] seen = new boolean[0];

    @Override
    void grow(int groups) {
        sums = Arrays.copyOf(sums, groups);
        seen = Arrays.copyOf(seen, groups);
    }

    @Override
    void add(ColumnVector input, int[] ids, int n) {
        float[] values = ((FloatVector) input).values();
        for (int r = 0; r < n; r++) {
            if (!input.isNull(r)) {
                sums[ids[r]] += values[r];
                seen[ids[r]] = true;
            }
        }
    }

    @Override
    ColumnVector result(int groups) {
        VectorBuilder out = new VectorBuilder(PgType.FLOAT4, groups);
        for (int g = 0; g < groups; g++) {
            if (seen[g]) {
                out.addFloat(sums[g]);
            } else {
                out.addNull();
            }
        }
        return out.build();
    }
}
