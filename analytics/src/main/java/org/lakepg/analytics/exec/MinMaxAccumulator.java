package org.lakepg.analytics.exec;

import java.util.Arrays;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.DoubleVector;
import org.lakepg.analytics.batch.IntVector;
import org.lakepg.analytics.batch.LongVector;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.ShortVector;
import org.lakepg.analytics.batch.VectorBuilder;

/** min/max of any orderable type; integer-like and float8 vectors take a primitive path. */
final class MinMaxAccumulator extends Accumulator {
    private final PgType type;
    private final boolean max;
    private long[] longs = new long[0];
    private double[] doubles = new double[0];
    private Object[] objects = new Object[0];
    private boolean[] seen = new boolean[0];

    MinMaxAccumulator(PgType type, boolean max) {
        this.type = type;
        this.max = max;
    }

    @Override
    void grow(int groups) {
        longs = Arrays.copyOf(longs, groups);
        doubles = Arrays.copyOf(doubles, groups);
        objects = Arrays.copyOf(objects, groups);
        seen = Arrays.copyOf(seen, groups);
    }

    @Override
    void add(ColumnVector input, int[] ids, int n) {
        boolean nulls = input.nulls().hasNulls();
        if (input instanceof LongVector || input instanceof IntVector || input instanceof ShortVector) {
            long[] values = Vectors.longs(input);
            for (int r = 0; r < n; r++) {
                if (nulls && input.isNull(r)) {
                    continue;
                }
                int g = ids[r];
                long v = values[r];
                if (!seen[g] || (max ? v > longs[g] : v < longs[g])) {
                    longs[g] = v;
                    seen[g] = true;
                }
            }
        } else if (input instanceof DoubleVector d) {
            double[] values = d.values();
            for (int r = 0; r < n; r++) {
                if (nulls && input.isNull(r)) {
                    continue;
                }
                int g = ids[r];
                double v = values[r];
                int c = seen[g] ? ValueOrder.compareDoubles(v, doubles[g]) : 0;
                if (!seen[g] || (max ? c > 0 : c < 0)) {
                    doubles[g] = v;
                    seen[g] = true;
                }
            }
        } else {
            for (int r = 0; r < n; r++) {
                if (nulls && input.isNull(r)) {
                    continue;
                }
                int g = ids[r];
                Object v = input.get(r);
                int c = seen[g] ? ValueOrder.compare(v, objects[g]) : 0;
                if (!seen[g] || (max ? c > 0 : c < 0)) {
                    objects[g] = v;
                    seen[g] = true;
                }
            }
        }
    }

    /** Integer-like values only: equal longs are the same value, so which one a group keeps does not matter. */
    @Override
    boolean mergeable() {
        return type.kind() == PgType.Kind.SHORT || type.kind() == PgType.Kind.INT || type.kind() == PgType.Kind.LONG;
    }

    @Override
    void merge(Accumulator other, int[] map, int otherGroups) {
        MinMaxAccumulator o = (MinMaxAccumulator) other;
        for (int g = 0; g < otherGroups; g++) {
            if (!o.seen[g]) {
                continue;
            }
            int m = map[g];
            long v = o.longs[g];
            if (!seen[m] || (max ? v > longs[m] : v < longs[m])) {
                longs[m] = v;
                seen[m] = true;
            }
        }
    }

    @Override
    ColumnVector result(int groups) {
        VectorBuilder out = new VectorBuilder(type, groups);
        for (int g = 0; g < groups; g++) {
            if (!seen[g]) {
                out.addNull();
                continue;
            }
            switch (type.kind()) {
                case SHORT -> out.addShort((short) longs[g]);
                case INT -> out.addInt((int) longs[g]);
                case LONG -> out.addLong(longs[g]);
                case DOUBLE -> out.addDouble(doubles[g]);
                default -> out.add(objects[g]);
            }
        }
        return out.build();
    }
}
