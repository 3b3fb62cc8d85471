package org.lakepg.analytics.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.Column;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.DecimalVector;
import org.lakepg.analytics.batch.NullMask;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.VectorBuilder;
import org.lakepg.analytics.plan.AggCall;
import org.lakepg.analytics.plan.Expr;
import org.lakepg.analytics.plan.PlanNode;
import org.lakepg.analytics.batch.Schema;
import org.junit.jupiter.api.Test;

/** numeric held as unscaled longs gives back exactly the BigDecimals put in, and sums/compares as BigDecimal does. */
class ScaledDecimalTest {

    private static ColumnVector vector(BigDecimal... values) {
        VectorBuilder b = new VectorBuilder(PgType.NUMERIC, values.length);
        for (BigDecimal v : values) {
            b.add(v);
        }
        return b.build();
    }

    @Test
    void oneScaleStaysScaledAndAnotherScaleOrAHugeValueBoxesWithoutChangingValues() {
        DecimalVector same = (DecimalVector) vector(new BigDecimal("1.25"), null, new BigDecimal("-3.10"));
        assertThat(same.isScaled()).isTrue();
        assertThat(same.scale()).isEqualTo(2);
        assertThat(same.get(0)).isEqualTo(new BigDecimal("1.25"));
        assertThat(same.get(1)).isNull();
        assertThat(same.get(2)).isEqualTo(new BigDecimal("-3.10")); // equals() compares the scale too

        DecimalVector mixed = (DecimalVector) vector(new BigDecimal("1.25"), new BigDecimal("2.500"), null);
        assertThat(mixed.isScaled()).isFalse();
        assertThat(mixed.get(0)).isEqualTo(new BigDecimal("1.25"));
        assertThat(mixed.get(1)).isEqualTo(new BigDecimal("2.500"));
        assertThat(mixed.get(2)).isNull();

        BigDecimal huge = new BigDecimal("123456789012345678901234.5");
        DecimalVector wide = (DecimalVector) vector(new BigDecimal("0.5"), huge);
        assertThat(wide.isScaled()).isFalse();
        assertThat(wide.get(1)).isEqualTo(huge);

        DecimalVector gathered = same.gather(new int[] {2, -1, 0}, 3);
        assertThat(gathered.isScaled()).isTrue();
        assertThat(List.of(gathered.get(0), String.valueOf(gathered.get(1)), gathered.get(2)))
                .containsExactly(new BigDecimal("-3.10"), "null", new BigDecimal("1.25"));
    }

    @Test
    void sumsOverflowingALongAndMixedScalesEqualBigDecimalSums() {
        Accumulator sum = Accumulator.of(new AggCall(AggCall.Function.SUM, 0, "s"), PgType.NUMERIC);
        List<ColumnVector> inputs = new ArrayList<>();
        long near = Long.MAX_VALUE / 2 + 7;
        inputs.add(DecimalVector.scaled(PgType.NUMERIC, new long[] {near, near, near, 5}, 3, 4, NullMask.NONE));
        inputs.add(vector(new BigDecimal("0.25"), new BigDecimal("-1.5")));
        inputs.add(DecimalVector.scaled(PgType.NUMERIC, new long[] {-near, 1}, 3, 2, NullMask.NONE));
        BigDecimal expected = BigDecimal.ZERO.setScale(0);
        boolean first = true;
        for (ColumnVector v : inputs) {
            int[] ids = new int[v.size()];
            sum.ensure(1);
            sum.add(v, ids, v.size());
            for (int i = 0; i < v.size(); i++) {
                BigDecimal d = (BigDecimal) v.get(i);
                expected = first ? d : expected.add(d);
                first = false;
            }
        }
        assertThat(sum.result(1).get(0)).isEqualTo(expected);
    }

    /** The GROUP BY's counted paths (rows counted once per group, one group summed in a register) near overflow. */
    @Test
    void groupedAndUngroupedSumsNearTheLongRangeEqualBigDecimalSums() {
        java.util.Random random = new java.util.Random(42);
        Schema schema = new Schema(List.of(Column.of("k", PgType.INT4), Column.numeric("v", 18, 2)));
        List<Batch> batches = new ArrayList<>();
        java.util.Map<Integer, BigDecimal> expected = new java.util.TreeMap<>();
        BigDecimal total = null;
        for (int b = 0; b < 40; b++) {
            int n = 64 + random.nextInt(200);
            int[] keys = new int[n];
            long[] values = new long[n];
            long magnitude = b < 8 || b % 3 == 1 ? 1L << 51 : b % 3 == 0 ? Long.MAX_VALUE / 16 : 1000;
            for (int r = 0; r < n; r++) {
                keys[r] = random.nextInt(3);
                values[r] = (random.nextBoolean() ? 1 : -1) * (magnitude - random.nextInt(1000));
                if (b % 7 != 3) {
                    values[r] = Math.abs(values[r]); // mostly one sign: the sums leave the long range
                }
                BigDecimal v = BigDecimal.valueOf(values[r], 2);
                expected.merge(keys[r], v, BigDecimal::add);
                total = total == null ? v : total.add(v);
            }
            batches.add(new Batch(schema, List.of(new org.lakepg.analytics.batch.IntVector(PgType.INT4, keys, n,
                    NullMask.NONE), DecimalVector.scaled(PgType.NUMERIC, values, 2, n, NullMask.NONE)), n));
        }
        PlanNode.Scan scan = new PlanNode.Scan(new org.lakepg.analytics.scan.InMemorySource(schema, batches),
                List.of(0, 1), List.of());
        List<AggCall> sums = List.of(AggCall.of(AggCall.Function.SUM, 1, "s"), AggCall.countStar("n"));
        for (AggregationWorkers workers : List.of(AggregationWorkers.none(), new AggregationWorkers(1))) {
            List<Object[]> one = org.lakepg.analytics.RandomData.rowsOf(new Executor(workers)
                    .collect(new PlanNode.Aggregate(scan, List.of(), sums)));
            assertThat(one.get(0)[0]).isEqualTo(total);
            List<Object[]> grouped = org.lakepg.analytics.RandomData.rowsOf(new Executor(workers).collect(
                    new PlanNode.Sort(new PlanNode.Aggregate(scan, List.of(0), sums),
                            List.of(org.lakepg.analytics.plan.SortKey.asc(0)), java.util.OptionalLong.empty())));
            assertThat(grouped).extracting(r -> r[1]).containsExactlyElementsOf(expected.values());
        }
    }

    @Test
    void comparisonsAndArithmeticAcrossScalesEqualBigDecimals() {
        ColumnVector a = vector(new BigDecimal("1.50"), new BigDecimal("2.00"), new BigDecimal("-0.01"), null);
        ColumnVector b = vector(new BigDecimal("1.5"), new BigDecimal("1.9"), new BigDecimal("0.0"), new BigDecimal("1.0"));
        NullMask nulls = NullMask.union(a.nulls(), b.nulls(), 4);
        var eq = ScaledDecimals.compare(Expr.CompareOp.EQ, a, b, nulls, 4);
        var gt = ScaledDecimals.compare(Expr.CompareOp.GT, a, b, nulls, 4);
        assertThat(List.of(eq.get(0), eq.get(1), eq.get(2), String.valueOf(eq.get(3))))
                .containsExactly(true, false, false, "null");
        assertThat(List.of(gt.get(0), gt.get(1), gt.get(2))).containsExactly(false, true, false);
        for (Expr.ArithOp op : List.of(Expr.ArithOp.ADD, Expr.ArithOp.SUBTRACT, Expr.ArithOp.MULTIPLY)) {
            DecimalVector r = ScaledDecimals.arithmetic(op, a, b, nulls, 4);
            for (int i = 0; i < 3; i++) {
                BigDecimal x = (BigDecimal) a.get(i);
                BigDecimal y = (BigDecimal) b.get(i);
                BigDecimal expected = switch (op) {
                    case ADD -> x.add(y);
                    case SUBTRACT -> x.subtract(y);
                    default -> x.multiply(y);
                };
                assertThat(r.get(i)).as(op + " row " + i).isEqualTo(expected);
            }
            assertThat(r.get(3)).isNull();
        }
        ColumnVector big = DecimalVector.scaled(PgType.NUMERIC, new long[] {Long.MAX_VALUE / 3}, 0, 1, NullMask.NONE);
        ColumnVector scale18 = DecimalVector.scaled(PgType.NUMERIC, new long[] {1}, 18, 1, NullMask.NONE);
        assertThat(ScaledDecimals.compare(Expr.CompareOp.LT, big, scale18, NullMask.NONE, 1)).isNull(); // BigDecimal path
        assertThat(ScaledDecimals.arithmetic(Expr.ArithOp.MULTIPLY, big, big, NullMask.NONE, 1)).isNull();
    }
}
