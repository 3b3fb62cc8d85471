package org.lakepg.analytics.exec;

import java.math.BigDecimal;
import java.util.Arrays;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.DecimalVector;
import org.lakepg.analytics.batch.DoubleVector;
import org.lakepg.analytics.batch.FloatVector;
import org.lakepg.analytics.batch.IntVector;
import org.lakepg.analytics.batch.LongVector;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.ShortVector;
import org.lakepg.analytics.batch.VectorBuilder;
import org.lakepg.analytics.plan.AggCall;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The running state of one aggregate for every group, updated a batch at a time from the rows' group ids. NULL
 * inputs are skipped; a group that saw no non-NULL input yields NULL (count yields 0).
 */
abstract class Accumulator {

    protected int capacity;

    /** Adds rows {@code [0, n)} of {@code input} (null for count(*)) to groups {@code ids}. */
    abstract void add(ColumnVector input, int[] ids, int n);

    /** Makes room for groups {@code [0, groups)}. */
    abstract void grow(int groups);

    abstract ColumnVector result(int groups);

    final void ensure(int groups) {
        if (groups > capacity) {
            int newCapacity = Math.max(groups, Math.max(16, capacity * 2));
            grow(newCapacity);
            capacity = newCapacity;
        }
    }

    static Accumulator of(AggCall call, PgType input) {
        return switch (call.function()) {
            case COUNT_STAR -> new Count(false);
            case COUNT -> new Count(true);
            case SUM -> switch (input) {
                case INT2, INT4 -> new IntegerSum(false, false);
                case INT8 -> new IntegerSum(true, false);
                case FLOAT4 -> new FloatSum();
                case FLOAT8 -> new DoubleSum(false);
                case NUMERIC -> new DecimalSum(false);
                default -> throw undefined("sum", input);
            };
            case AVG -> switch (input) {
                case INT2, INT4, INT8 -> new IntegerSum(true, true);
                case FLOAT4, FLOAT8 -> new DoubleSum(true);
                case NUMERIC -> new DecimalSum(true);
                default -> throw undefined("avg", input);
            };
            case MIN, MAX -> new MinMax(input, call.function() == AggCall.Function.MAX);
        };
    }

    private static PgException undefined(String function, PgType input) {
        return PgException.of(SqlState.UNDEFINED_FUNCTION, "function %s(%s) does not exist", function,
                input.name().toLowerCase());
    }

    /** count(*) and count(x). */
    static final class Count extends Accumulator {
        private final boolean skipNulls;
        private long[] counts = new long[0];

        Count(boolean skipNulls) {
            this.skipNulls = skipNulls;
        }

        @Override
        void grow(int groups) {
            counts = Arrays.copyOf(counts, groups);
        }

        @Override
        void add(ColumnVector input, int[] ids, int n) {
            if (skipNulls && input.nulls().hasNulls()) {
                for (int r = 0; r < n; r++) {
                    if (!input.isNull(r)) {
                        counts[ids[r]]++;
                    }
                }
            } else {
                for (int r = 0; r < n; r++) {
                    counts[ids[r]]++;
                }
            }
        }

        @Override
        ColumnVector result(int groups) {
            return new LongVector(PgType.INT8, Arrays.copyOf(counts, groups), groups,
                    org.lakepg.analytics.batch.NullMask.NONE);
        }
    }

    /**
     * sum/avg of integers: a long per group, moving to BigDecimal only for a group whose sum leaves the long range.
     * sum(int2/int4) is int8 (and overflowing it is an error); sum(int8) and avg are numeric.
     */
    static final class IntegerSum extends Accumulator {
        private final boolean numericResult;
        private final boolean average;
        private long[] sums = new long[0];
        private long[] counts = new long[0];
        private BigDecimal[] big = new BigDecimal[0];

        IntegerSum(boolean numericResult, boolean average) {
            this.numericResult = numericResult;
            this.average = average;
        }

        @Override
        void grow(int groups) {
            sums = Arrays.copyOf(sums, groups);
            counts = Arrays.copyOf(counts, groups);
            big = Arrays.copyOf(big, groups);
        }

        @Override
        void add(ColumnVector input, int[] ids, int n) {
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

    /** sum(float4) accumulates in float4, as float4pl does. */
    static final class FloatSum extends Accumulator {
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

    /** sum(float8), and avg of either float type (accumulated in float8). */
    static final class DoubleSum extends Accumulator {
        private final boolean average;
        private double[] sums = new double[0];
        private long[] counts = new long[0];

        DoubleSum(boolean average) {
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

    /** sum/avg of numeric. */
    static final class DecimalSum extends Accumulator {
        private final boolean average;
        private BigDecimal[] sums = new BigDecimal[0];
        private long[] counts = new long[0];

        DecimalSum(boolean average) {
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

    /** min/max of any orderable type; integer-like and float8 vectors take a primitive path. */
    static final class MinMax extends Accumulator {
        private final PgType type;
        private final boolean max;
        private long[] longs = new long[0];
        private double[] doubles = new double[0];
        private Object[] objects = new Object[0];
        private boolean[] seen = new boolean[0];

        MinMax(PgType type, boolean max) {
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
}
