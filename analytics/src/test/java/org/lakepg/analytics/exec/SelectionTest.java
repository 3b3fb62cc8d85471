package org.lakepg.analytics.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.BoolVector;
import org.lakepg.analytics.batch.Column;
import org.lakepg.analytics.batch.IntVector;
import org.lakepg.analytics.batch.LongVector;
import org.lakepg.analytics.batch.NullMask;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.plan.Expr;

/** The selection vector keeps exactly the rows the full three-valued evaluation says are true. */
class SelectionTest {

    private static final long[] LONGS = {Long.MIN_VALUE, -5, 0, 3, 7, Long.MAX_VALUE, 3, 0};
    private static final int[] INTS = {Integer.MIN_VALUE, -5, 0, 3, 7, Integer.MAX_VALUE, 3, 0};

    private static Batch batch() {
        long[] nullBits = NullMask.newBits(LONGS.length);
        NullMask.set(nullBits, 6); // row 6 is NULL in both columns
        Schema schema = Schema.of(Column.of("l", PgType.INT8), Column.of("i", PgType.INT4));
        return new Batch(schema, List.of(new LongVector(PgType.INT8, LONGS.clone(), LONGS.length, NullMask.of(nullBits)),
                new IntVector(PgType.INT4, INTS.clone(), INTS.length, NullMask.of(nullBits))), LONGS.length);
    }

    /** Rows where the predicate evaluates to true (not false, not NULL), the reference. */
    private static List<Integer> expected(Expr predicate, Batch batch) {
        BoolVector v = (BoolVector) ExprEvaluator.evaluate(predicate, batch);
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < batch.rowCount(); r++) {
            if (!v.isNull(r) && v.values()[r]) {
                rows.add(r);
            }
        }
        return rows;
    }

    private static List<Integer> selected(Expr predicate, Batch batch) {
        int[] positions = new int[batch.rowCount()];
        int n = Selection.select(predicate, batch, positions);
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(positions[i]);
        }
        return rows;
    }

    @Test
    void everyOperatorAtTheEdgesOfTheRangeAgreesWithTheFullEvaluation() {
        Batch batch = batch();
        long[] literals = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -5, 0, 3, Long.MAX_VALUE - 1, Long.MAX_VALUE};
        int checked = 0;
        for (Expr.CompareOp op : Expr.CompareOp.values()) {
            for (long b : literals) {
                for (int column = 0; column < 2; column++) {
                    Expr lit = new Expr.Literal(b, PgType.INT8);
                    Expr ref = new Expr.ColumnRef(column);
                    for (Expr p : List.of(new Expr.Comparison(op, ref, lit), new Expr.Comparison(op, lit, ref))) {
                        assertThat(selected(p, batch)).as("%s", p).isEqualTo(expected(p, batch));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(6 * 7 * 2 * 2);
    }

    @Test
    void conjunctsRefineTheSelectionAndOtherTermsFallBackToTheEvaluator() {
        Batch batch = batch();
        Expr ge = new Expr.Comparison(Expr.CompareOp.GE, new Expr.ColumnRef(0), new Expr.Literal(0L, PgType.INT8));
        Expr lt = new Expr.Comparison(Expr.CompareOp.LT, new Expr.Literal(4, PgType.INT4), new Expr.ColumnRef(1));
        Expr or = new Expr.Or(List.of(
                new Expr.Comparison(Expr.CompareOp.EQ, new Expr.ColumnRef(0), new Expr.ColumnRef(0)),
                new Expr.IsNull(new Expr.ColumnRef(1), false)));
        Expr and = new Expr.And(List.of(ge, lt, or));
        assertThat(selected(and, batch)).isEqualTo(expected(and, batch)).containsExactly(4, 5);
        Expr none = new Expr.And(List.of(ge, new Expr.Comparison(Expr.CompareOp.GT, new Expr.ColumnRef(0),
                new Expr.Literal(Long.MAX_VALUE, PgType.INT8)), or));
        assertThat(selected(none, batch)).isEmpty();
        assertThat(selected(new Expr.And(List.of()), batch)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    /** Two or three range terms on one column are one intersected range; with NOT EQUAL and the other column beside. */
    @Test
    void rangeTermsOnOneColumnIntersectLikeTheFullEvaluation() {
        Batch batch = batch();
        long[] literals = {Long.MIN_VALUE, -5, 0, 3, 7, Long.MAX_VALUE};
        int checked = 0;
        for (Expr.CompareOp op1 : Expr.CompareOp.values()) {
            for (Expr.CompareOp op2 : Expr.CompareOp.values()) {
                for (long a : literals) {
                    for (long b : literals) {
                        for (int column = 0; column < 2; column++) {
                            Expr ref = new Expr.ColumnRef(column);
                            Expr first = new Expr.Comparison(op1, ref, new Expr.Literal(a, PgType.INT8));
                            Expr second = new Expr.Comparison(op2, new Expr.Literal(b, PgType.INT8), ref);
                            Expr other = new Expr.Comparison(Expr.CompareOp.LE, new Expr.ColumnRef(1 - column),
                                    new Expr.Literal(3, PgType.INT4));
                            Expr and = new Expr.And(List.of(first, other, second, first));
                            assertThat(selected(and, batch)).as("%s", and).isEqualTo(expected(and, batch));
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(6 * 6 * 6 * 6 * 2);
    }

    /**
     * A date vector with a zone map (skip whole blocks, keep whole blocks, test the rest; an int8 column without one
     * beside it): locally ordered, constant and random values over several blocks and a partial last block, with
     * NULLs, selects what the evaluation selects.
     */
    @Test
    void zoneMappedVectorsSelectLikeTheFullEvaluation() {
        java.util.Random random = new java.util.Random(42);
        int n = 5 * org.lakepg.analytics.batch.ZoneMap.BLOCK + 17;
        long[] nullBits = NullMask.newBits(n);
        int[] ints = new int[n];
        long[] longs = new long[n];
        for (int r = 0; r < n; r++) {
            ints[r] = r < 2 * org.lakepg.analytics.batch.ZoneMap.BLOCK ? r / 3 : r < 3 * org.lakepg.analytics.batch.ZoneMap.BLOCK ? 100 : random.nextInt(600);
            longs[r] = -ints[r] * 1000L;
            if (random.nextInt(50) == 0) {
                NullMask.set(nullBits, r);
            }
        }
        Schema schema = Schema.of(Column.of("l", PgType.INT8), Column.of("i", PgType.DATE));
        Batch batch = new Batch(schema, List.of(
                new LongVector(PgType.INT8, longs, n, NullMask.of(nullBits)),
                new IntVector(PgType.DATE, ints, n, NullMask.of(nullBits)).withZoneMap()), n);
        int checked = 0;
        for (long lo : new long[] {-1, 0, 50, 100, 170, 599}) {
            for (long width : new long[] {0, 1, 30, 200, 1000}) {
                for (int column = 0; column < 2; column++) {
                    long scale = column == 0 ? -1000 : 1;
                    long a = column == 0 ? (lo + width) * scale : lo;
                    long b = column == 0 ? lo * scale : lo + width;
                    PgType type = column == 0 ? PgType.INT8 : PgType.DATE;
                    Expr ref = new Expr.ColumnRef(column);
                    Expr and = new Expr.And(List.of(new Expr.Comparison(Expr.CompareOp.GE, ref, new Expr.Literal(a, type)),
                            new Expr.Comparison(Expr.CompareOp.LE, ref, new Expr.Literal(b, type))));
                    assertThat(selected(and, batch)).as("%s", and).isEqualTo(expected(and, batch));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(6 * 5 * 2);
    }

    /**
     * A range on a zone-mapped date column with ascending blocks (runs found by binary search, also at the extremes
     * of the value range), descending and random blocks, combined with a range on a second column that is tested on
     * the runs directly (int8, int4 without a zone map, and a second zone-mapped date column), with NULLs in both.
     */
    @Test
    void aZoneMappedRangeAndASecondRangeSelectLikeTheFullEvaluation() {
        java.util.Random random = new java.util.Random(7);
        int block = org.lakepg.analytics.batch.ZoneMap.BLOCK;
        int n = 7 * block + 100;
        long[] nullBits = NullMask.newBits(n);
        int[] dates = new int[n];
        long[] longs = new long[n];
        int[] ints = new int[n];
        int[] other = new int[n];
        for (int r = 0; r < n; r++) {
            int inBlock = r % block;
            dates[r] = switch (r / block) {
                case 0 -> inBlock / 4; // ascending with repeats
                case 1 -> 1000 - inBlock; // descending
                case 2 -> inBlock == 0 ? Integer.MIN_VALUE : inBlock == block - 1 ? Integer.MAX_VALUE : inBlock;
                case 3 -> random.nextInt(300);
                case 4 -> (inBlock + 100) % 300; // ascending with one wrap
                default -> r / 5;
            };
            longs[r] = random.nextInt(40) - 20;
            ints[r] = 1 + r % 50;
            other[r] = r / 3;
            if (random.nextInt(40) == 0) {
                NullMask.set(nullBits, r);
            }
        }
        long[] otherNulls = NullMask.newBits(n);
        NullMask.set(otherNulls, 17);
        Schema schema = Schema.of(Column.of("d", PgType.DATE), Column.of("l", PgType.INT8), Column.of("i", PgType.INT4),
                Column.of("e", PgType.DATE));
        Batch batch = new Batch(schema, List.of(new IntVector(PgType.DATE, dates, n, NullMask.of(nullBits)).withZoneMap(),
                new LongVector(PgType.INT8, longs, n, NullMask.NONE),
                new IntVector(PgType.INT4, ints, n, NullMask.of(otherNulls)),
                new IntVector(PgType.DATE, other, n, NullMask.NONE).withZoneMap()), n);
        long[][] dateRanges = {{0, 40}, {Integer.MIN_VALUE, 3}, {250, Integer.MAX_VALUE}, {60, 700}, {999, 999},
            {5, 4}, {Long.MIN_VALUE, Long.MAX_VALUE}};
        int checked = 0;
        for (long[] d : dateRanges) {
            for (int column = 1; column < 4; column++) {
                for (long[] second : new long[][] {{-3, 5}, {10, 30}, {7, 6}, {200, 400}}) {
                    Expr ref = new Expr.ColumnRef(column);
                    PgType type = schema.column(column).type();
                    Expr and = new Expr.And(List.of(
                            new Expr.Comparison(Expr.CompareOp.LE, ref, new Expr.Literal(second[1], type)),
                            new Expr.Comparison(Expr.CompareOp.GE, new Expr.ColumnRef(0), new Expr.Literal(d[0], PgType.DATE)),
                            new Expr.Comparison(Expr.CompareOp.LE, new Expr.ColumnRef(0), new Expr.Literal(d[1], PgType.DATE)),
                            new Expr.Comparison(Expr.CompareOp.GE, ref, new Expr.Literal(second[0], type))));
                    assertThat(selected(and, batch)).as("%s", and).isEqualTo(expected(and, batch));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(7 * 3 * 4);
    }
}
