package org.lakepg.analytics.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lakepg.analytics.RandomData;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.plan.AggCall;
import org.lakepg.analytics.plan.Expr;
import org.lakepg.analytics.plan.PlanNode;
import org.lakepg.analytics.scan.InMemorySource;

/**
 * GROUP BY above a filter aggregates the selected rows in place (groups assigned to the selection, sums and counts
 * read where the rows are): the same groups in the same order, with the same counts, sums, averages and min/max as
 * the row-at-a-time reference, for few and many groups, NULL keys and inputs, numerics of one scale and unconstrained
 * ones (the boxed path), on one thread and on two.
 */
class GroupBySelectionTest {

    private final AggregationWorkers helper = new AggregationWorkers(1);

    @Test
    void groupByAboveAFilterEqualsTheRowByRowReference() {
        int groupsSeen = 0;
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            RandomData data = new RandomData(seed * 17);
            Schema schema = data.allTypesSchema(1);
            int domain = seed % 2 == 0 ? 3 : 3000; // few groups, or about as many as rows
            List<Object[]> rows = data.rows(schema, 1000 + random.nextInt(3000), 0.1, domain);
            List<Batch> batches = new ArrayList<>();
            for (int from = 0; from < rows.size(); ) {
                int n = Math.min(rows.size() - from, 1 + random.nextInt(500));
                batches.add(RandomData.batch(schema, rows.subList(from, from + n)));
                from += n;
            }
            List<Integer> all = IntStream.range(0, schema.size()).boxed().toList();
            PlanNode.Scan scan = new PlanNode.Scan(new InMemorySource(schema, batches), all, List.of());
            PlanNode.Aggregate plan = aggregate(random, schema, new PlanNode.Filter(scan, where(random, schema, domain)));
            List<Object[]> expected = new RowReference(Map.of(scan, rows)).run(plan);
            List<Object[]> one = RandomData.rowsOf(new Executor(AggregationWorkers.none()).collect(plan));
            assertThat(RandomData.comparable(one)).as("seed %d, %s", seed, plan)
                    .isEqualTo(RandomData.comparable(expected));
            if (AggregateState.mergeable(plan)) {
                List<Object[]> two = RandomData.rowsOf(new Executor(helper).collect(plan));
                assertThat(RandomData.comparable(two)).as("two threads, seed %d", seed)
                        .isEqualTo(RandomData.comparable(expected));
            }
            groupsSeen += one.size();
        }
        assertThat(groupsSeen).isGreaterThan(1000);
    }

    private static int columnOf(Schema schema, PgType type) {
        for (int c = 0; c < schema.size(); c++) {
            if (schema.column(c).type() == type) {
                return c;
            }
        }
        throw new IllegalStateException("no " + type);
    }

    /** A range on the int4 column (one pass) and a comparison on the int8 column, keeping about half the rows. */
    private static Expr where(Random random, Schema schema, int domain) {
        Expr i4 = new Expr.ColumnRef(columnOf(schema, PgType.INT4));
        Expr i8 = new Expr.ColumnRef(columnOf(schema, PgType.INT8));
        long lo = -domain / 2 - random.nextInt(2);
        long hi = domain / 2 + random.nextInt(2);
        return new Expr.And(List.of(new Expr.Comparison(Expr.CompareOp.GE, i4, new Expr.Literal(lo, PgType.INT4)),
                new Expr.Comparison(Expr.CompareOp.LE, i4, new Expr.Literal(hi, PgType.INT4)),
                new Expr.Comparison(Expr.CompareOp.NE, i8, new Expr.Literal(0L, PgType.INT8))));
    }

    /** One or two keys among int4/int8/text/numeric; count(*), count, sum, avg, min, max of exact columns and a float8 sum. */
    private static PlanNode.Aggregate aggregate(Random random, Schema s, PlanNode input) {
        List<Integer> keys = new ArrayList<>();
        List<Integer> exact = new ArrayList<>();
        for (int c = 0; c < s.size(); c++) {
            PgType t = s.column(c).type();
            if (t == PgType.INT4 || t == PgType.TEXT || t == PgType.INT8 || t == PgType.NUMERIC) {
                keys.add(c);
            }
            if (t == PgType.INT2 || t == PgType.INT4 || t == PgType.INT8 || t == PgType.NUMERIC) {
                exact.add(c);
            }
        }
        List<Integer> groupBy = new ArrayList<>();
        for (int k = 0; k < 1 + random.nextInt(2); k++) {
            int c = keys.get(random.nextInt(keys.size()));
            if (!groupBy.contains(c)) {
                groupBy.add(c);
            }
        }
        List<AggCall> aggs = new ArrayList<>(List.of(AggCall.countStar("a0")));
        for (int c : exact) {
            aggs.add(AggCall.of(AggCall.Function.SUM, c, "a" + aggs.size()));
            aggs.add(AggCall.of(AggCall.Function.COUNT, c, "a" + aggs.size()));
            aggs.add(AggCall.of(random.nextBoolean() ? AggCall.Function.AVG : AggCall.Function.MAX, c,
                    "a" + aggs.size()));
        }
        if (random.nextInt(3) == 0) { // not mergeable: one thread only, the gathering fallback of its input column
            aggs.add(AggCall.of(AggCall.Function.SUM, columnOf(s, PgType.FLOAT8), "a" + aggs.size()));
        }
        return new PlanNode.Aggregate(input, groupBy, aggs);
    }
}
