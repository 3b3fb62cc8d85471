package org.lakepg.analytics.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lakepg.analytics.RandomData;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.Column;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.plan.AggCall;
import org.lakepg.analytics.plan.Expr;
import org.lakepg.analytics.plan.PlanNode;
import org.lakepg.analytics.scan.InMemorySource;
import org.lakepg.wire.error.PgException;

/**
 * GROUP BY on two threads gives exactly what one thread gives: the same groups in the same order (first appearance),
 * the same sums, counts, averages and min/max, and the same error when a batch fails on the helper.
 */
class ParallelAggregationTest {

    private final AggregationWorkers helper = new AggregationWorkers(1);

    @Test
    void twoThreadsGiveTheSameRowsInTheSameOrderAsOne() {
        int compared = 0;
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            RandomData data = new RandomData(seed * 31);
            Schema schema = data.allTypesSchema(2);
            List<Object[]> rows = data.rows(schema, 2000 + random.nextInt(4000), 0.1, 2 + random.nextInt(40));
            List<Batch> batches = new ArrayList<>();
            for (int from = 0; from < rows.size(); ) {
                int n = Math.min(rows.size() - from, 1 + random.nextInt(60));
                batches.add(RandomData.batch(schema, rows.subList(from, from + n)));
                from += n;
            }
            PlanNode.Scan scan = new PlanNode.Scan(new InMemorySource(schema, batches),
                    java.util.stream.IntStream.range(0, schema.size()).boxed().toList(), List.of());
            PlanNode.Aggregate plan = randomMergeableAggregate(random, scan);
            List<Object[]> one = RandomData.rowsOf(new Executor(AggregationWorkers.none()).collect(plan));
            for (int run = 0; run < 3; run++) { // the split between the threads differs from run to run
                List<Object[]> two = RandomData.rowsOf(new Executor(helper).collect(plan));
                assertThat(RandomData.comparable(two)).as("seed %d, plan %s", seed, plan)
                        .isEqualTo(RandomData.comparable(one));
            }
            compared += one.size();
        }
        assertThat(compared).isGreaterThan(500);
    }

    /** Integer and text keys (grouping on every key type is the random engine test's job), exact aggregates. */
    private static PlanNode.Aggregate randomMergeableAggregate(Random random, PlanNode.Scan scan) {
        Schema s = scan.schema();
        List<Integer> keyCandidates = new ArrayList<>();
        List<Integer> exact = new ArrayList<>();
        for (int c = 0; c < s.size(); c++) {
            PgType t = s.column(c).type();
            if (t == PgType.INT4 || t == PgType.TEXT || t == PgType.INT8 || t == PgType.NUMERIC) {
                keyCandidates.add(c);
            }
            if (t == PgType.INT2 || t == PgType.INT4 || t == PgType.INT8 || t == PgType.NUMERIC) {
                exact.add(c);
            }
        }
        List<Integer> groupBy = new ArrayList<>();
        for (int k = 0; k < random.nextInt(3); k++) {
            int c = keyCandidates.get(random.nextInt(keyCandidates.size()));
            if (!groupBy.contains(c)) {
                groupBy.add(c);
            }
        }
        List<AggCall> aggs = new ArrayList<>(List.of(AggCall.countStar("a0")));
        AggCall.Function[] functions = AggCall.Function.values();
        for (int k = 0; k < 2 + random.nextInt(4); k++) {
            AggCall.Function f = functions[1 + random.nextInt(functions.length - 1)];
            int c = exact.get(random.nextInt(exact.size()));
            if ((f == AggCall.Function.MIN || f == AggCall.Function.MAX) && s.column(c).type() == PgType.NUMERIC) {
                f = AggCall.Function.SUM; // min/max of numeric keep the one thread's path
            }
            aggs.add(AggCall.of(f, c, "a" + aggs.size()));
        }
        PlanNode.Aggregate plan = new PlanNode.Aggregate(scan, groupBy, aggs);
        assertThat(AggregateState.mergeable(plan)).isTrue();
        return plan;
    }

    @Test
    void anErrorOnTheHelperIsTheQuerysError() {
        Schema schema = new Schema(List.of(Column.of("k", PgType.INT4), Column.of("v", PgType.INT4)));
        List<Batch> batches = new ArrayList<>();
        for (int b = 0; b < 200; b++) {
            List<Object[]> rows = new ArrayList<>();
            for (int r = 0; r < 50; r++) {
                rows.add(new Object[] {r % 3, b == 150 && r == 7 ? 0 : 1 + r});
            }
            batches.add(RandomData.batch(schema, rows));
        }
        PlanNode.Scan scan = new PlanNode.Scan(new InMemorySource(schema, batches), List.of(0, 1), List.of());
        Expr oneOverV = new Expr.Arithmetic(Expr.ArithOp.DIVIDE, new Expr.Literal(1, PgType.INT4), new Expr.ColumnRef(1));
        PlanNode filtered = new PlanNode.Filter(scan,
                new Expr.Comparison(Expr.CompareOp.GE, oneOverV, new Expr.Literal(0, PgType.INT4)));
        PlanNode.Aggregate plan = new PlanNode.Aggregate(filtered, List.of(0),
                List.of(AggCall.countStar("n"), AggCall.of(AggCall.Function.SUM, 1, "s")));
        for (int run = 0; run < 5; run++) {
            assertThatThrownBy(() -> new Executor(helper).collect(plan)).isInstanceOf(PgException.class)
                    .hasMessage("division by zero");
        }
        // the helper is free again afterwards: a query that can run in parallel still answers
        PlanNode.Aggregate fine = new PlanNode.Aggregate(scan, List.of(0), List.of(AggCall.countStar("n")));
        assertThat(RandomData.rowsOf(new Executor(helper).collect(fine))).extracting(r -> r[1])
                .containsExactly(3400L, 3400L, 3200L);
    }
}
