package org.lakepg.analytics.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lakepg.analytics.RandomData;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.Column;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.DecimalVector;
import org.lakepg.analytics.batch.IntVector;
import org.lakepg.analytics.batch.LongVector;
import org.lakepg.analytics.batch.NullMask;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.batch.ZoneMap;
import org.lakepg.analytics.plan.AggCall;
import org.lakepg.analytics.plan.Expr;
import org.lakepg.analytics.plan.PlanNode;
import org.lakepg.analytics.scan.InMemorySource;

/**
 * An aggregate without GROUP BY over a range on a zone-mapped column (and a second range) adds the rows straight from
 * runs: count(*), count(x), sum/avg of numeric and int4 equal what the same plan gives over the same batches without
 * zone maps (selection vectors) and a row-by-row reference; the rows of blocks the zone map cannot split into runs
 * (descending, random) are tested one by one within the runs, and batches with NULLs take the selection-vector path
 * within the same query.
 */
class RunsAggregationTest {

    private static final int BLOCK = ZoneMap.BLOCK;
    private static final Schema SCHEMA = Schema.of(Column.of("d", PgType.DATE), Column.of("q", PgType.INT4),
            Column.of("l", PgType.INT8), Column.numeric("p", 12, 2));

    /** Block shapes: ascending, with one wrap, descending, random, constant; rows of the last batch partial. */
    private static Batch batch(Random random, int shape, boolean zones, boolean nulls) {
        int n = 4 * BLOCK + random.nextInt(BLOCK);
        int[] d = new int[n];
        int[] q = new int[n];
        long[] l = new long[n];
        long[] p = new long[n];
        long[] nullBits = NullMask.newBits(n);
        for (int r = 0; r < n; r++) {
            int inBlock = r % BLOCK;
            d[r] = switch ((r / BLOCK + shape) % 5) {
                case 0 -> r / 2;
                case 1 -> (inBlock * 3 + 500) % 700;
                case 2 -> 900 - inBlock;
                case 3 -> shape == 3 ? random.nextInt(700) : inBlock; // random only in some batches
                default -> 350;
            };
            q[r] = 1 + random.nextInt(50);
            l[r] = random.nextInt(1000) - 500;
            p[r] = random.nextLong(-10_000_000_000L, 10_000_000_000L);
            if (nulls && random.nextInt(30) == 0) {
                NullMask.set(nullBits, r);
            }
        }
        IntVector dates = new IntVector(PgType.DATE, d, n, nulls ? NullMask.of(nullBits) : NullMask.NONE);
        List<ColumnVector> vectors = List.of(zones ? dates.withZoneMap() : dates, new IntVector(PgType.INT4, q, n,
                NullMask.NONE), new LongVector(PgType.INT8, l, n, NullMask.NONE),
                DecimalVector.scaled(PgType.NUMERIC, p, 2, n, nulls ? NullMask.of(nullBits) : NullMask.NONE));
        return new Batch(SCHEMA, vectors, n);
    }

    private static PlanNode.Aggregate plan(List<Batch> batches, Expr where) {
        PlanNode.Scan scan = new PlanNode.Scan(new InMemorySource(SCHEMA, batches), List.of(0, 1, 2, 3), List.of());
        return new PlanNode.Aggregate(new PlanNode.Filter(scan, where), List.of(), List.of(AggCall.countStar("n"),
                AggCall.of(AggCall.Function.COUNT, 3, "np"), AggCall.of(AggCall.Function.SUM, 3, "sp"),
                AggCall.of(AggCall.Function.AVG, 3, "ap"), AggCall.of(AggCall.Function.SUM, 1, "sq"),
                AggCall.of(AggCall.Function.AVG, 1, "aq")));
    }

    private static Expr range(int column, PgType type, long lo, long hi) {
        return new Expr.And(List.of(new Expr.Comparison(Expr.CompareOp.GE, new Expr.ColumnRef(column),
                        new Expr.Literal(lo, type)),
                new Expr.Comparison(Expr.CompareOp.LE, new Expr.ColumnRef(column), new Expr.Literal(hi, type))));
    }

    @Test
    void runsGiveWhatSelectionVectorsAndTheRowByRowReferenceGive() {
        Random random = new Random(11);
        int viaRuns = 0;
        int compared = 0;
        for (int round = 0; round < 30; round++) {
            boolean nulls = round % 3 == 2;
            List<Batch> zoned = new ArrayList<>();
            List<Batch> plain = new ArrayList<>();
            for (int b = 0; b < 4; b++) {
                Batch batch = batch(random, (round + b) % 5, true, nulls && b == 1);
                zoned.add(batch);
                IntVector dates = (IntVector) batch.column(0);
                plain.add(new Batch(SCHEMA, List.of(new IntVector(PgType.DATE, dates.values(), dates.size(),
                        dates.nulls()), batch.column(1),
                        batch.column(2), batch.column(3)), batch.rowCount()));
            }
            long lo = random.nextInt(800) - 50;
            long hi = lo + random.nextInt(400) - 20;
            List<Expr> terms = new ArrayList<>(((Expr.And) range(0, PgType.DATE, lo, hi)).terms());
            switch (round % 4) {
                case 0 -> terms.addAll(((Expr.And) range(1, PgType.INT4, 5, 24)).terms());
                case 1 -> terms.addAll(((Expr.And) range(2, PgType.INT8, -100, 300)).terms());
                case 2 -> terms.add(new Expr.Comparison(Expr.CompareOp.LT, new Expr.ColumnRef(1),
                        new Expr.Literal((long) Integer.MAX_VALUE + 5, PgType.INT8)));
                default -> { } // the date range alone
            }
            Expr where = new Expr.And(terms);
            for (Batch b : zoned) {
                if (Selection.selectRuns(where, b, new RowRuns())) {
                    viaRuns++;
                }
            }
            List<Object[]> fromRuns = RandomData.rowsOf(new Executor(AggregationWorkers.none()).collect(plan(zoned, where)));
            List<Object[]> fromPositions = RandomData.rowsOf(new Executor(AggregationWorkers.none())
                    .collect(plan(plain, where)));
            assertThat(RandomData.comparable(fromRuns)).as("round %d: %s", round, where)
                    .isEqualTo(RandomData.comparable(fromPositions)).isEqualTo(RandomData.comparable(reference(zoned, where)));
            compared++;
        }
        assertThat(compared).isEqualTo(30);
        assertThat(viaRuns).as("batches that took the runs path").isGreaterThan(40);
    }

    /** count(*), count(p), sum(p), avg(p), sum(q), avg(q) row by row, with the full predicate evaluation. */
    private static List<Object[]> reference(List<Batch> batches, Expr where) {
        long n = 0;
        long np = 0;
        BigDecimal sp = null;
        long nq = 0;
        long sq = 0;
        for (Batch b : batches) {
            ColumnVector keep = ExprEvaluator.evaluate(where, b);
            for (int r = 0; r < b.rowCount(); r++) {
                if (keep.isNull(r) || !((org.lakepg.analytics.batch.BoolVector) keep).values()[r]) {
                    continue;
                }
                n++;
                if (!b.column(3).isNull(r)) {
                    np++;
                    BigDecimal v = (BigDecimal) b.column(3).get(r);
                    sp = sp == null ? v : sp.add(v);
                }
                nq++;
                sq += ((IntVector) b.column(1)).values()[r];
            }
        }
        Object ap = sp == null ? null : NumericDivision.divide(sp, BigDecimal.valueOf(np));
        Object aq = nq == 0 ? null : NumericDivision.divide(BigDecimal.valueOf(sq), BigDecimal.valueOf(nq));
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {n, np, sp, ap, nq == 0 ? null : sq, aq});
        return rows;
    }
}
