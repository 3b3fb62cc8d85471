package org.lakepg.analytics.bench;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.Column;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.batch.VectorBuilder;
import org.lakepg.analytics.exec.AggregationWorkers;
import org.lakepg.analytics.exec.Executor;
import org.lakepg.analytics.parquet.ParquetBatchReader;
import org.lakepg.analytics.parquet.ParquetBatchWriter;
import org.lakepg.analytics.parquet.ParquetWriteOptions;
import org.lakepg.analytics.plan.AggCall;
import org.lakepg.analytics.plan.Expr;
import org.lakepg.analytics.plan.PlanNode;
import org.lakepg.analytics.scan.InMemorySource;

/**
 * Prints figures (no assertions): the two queries of {@code scripts/bench/analytics-compare} (the same generated
 * lineitem: int4 quantity, numeric(12,2) price, numeric(4,2) discount, text flags, dates) on the vectorized engine
 * alone, over column chunks decoded from Parquet files of 32768 rows (what a warm snapshot query reads from
 * {@code ParquetFileCache}). CPU time of every thread of the process, so the figure is steady on a loaded machine and
 * counts the parallel helper's work, garbage collection and JIT compilation; wall time beside it. Without the server's fixed cost per query (parse, plan,
 * wire). Run with {@code java -cp <analytics classes, test classes, dependencies>
 * org.lakepg.analytics.bench.LineitemQueriesBenchmark [rows] [runs] [workers] [zones|nozones] [group-by|filtered|many-keys]}.
 */
public final class LineitemQueriesBenchmark {

    private static final Schema LINEITEM = Schema.of(Column.of("l_orderkey", PgType.INT8),
            Column.of("l_quantity", PgType.INT4), Column.numeric("l_extendedprice", 12, 2),
            Column.numeric("l_discount", 4, 2), Column.of("l_returnflag", PgType.TEXT),
            Column.of("l_linestatus", PgType.TEXT), Column.of("l_shipdate", PgType.DATE));
    private static final int FILE_ROWS = 32768;
    private static final int DAYS_1992 = -2922; // 1992-01-01 in days since 2000-01-01

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        boolean zones = args.length <= 3 || !args[3].equals("nozones"); // the cache adds zone maps to cached chunks
        String only = args.length > 4 ? args[4] : ""; // "group-by" or "filtered": run that query only
        List<Batch> decoded = new ArrayList<>();
        for (int from = 0; from < rows; from += FILE_ROWS) {
            byte[] file = ParquetBatchWriter.toBytes(LINEITEM, List.of(generate(from, Math.min(rows, from + FILE_ROWS))),
                    ParquetWriteOptions.defaults());
            try (ParquetBatchReader reader = ParquetBatchReader.open(file)) {
                reader.scan(List.of(0, 1, 2, 3, 4, 5, 6), List.of(), b -> decoded.add(zones ? withZoneMaps(b) : b));
            }
        }
        InMemorySource source = new InMemorySource(LINEITEM, decoded);
        PlanNode groupBy = new PlanNode.Aggregate(new PlanNode.Scan(source, List.of(4, 5, 1, 2, 3), List.of()),
                List.of(0, 1), List.of(AggCall.of(AggCall.Function.SUM, 2, "sum_qty"),
                AggCall.of(AggCall.Function.SUM, 3, "sum_price"), AggCall.of(AggCall.Function.AVG, 4, "avg_disc"),
                AggCall.countStar("count")));
        PlanNode.Scan scan = new PlanNode.Scan(source, List.of(6, 1, 2), List.of());
        Expr where = new Expr.And(List.of(
                new Expr.Comparison(Expr.CompareOp.GE, new Expr.ColumnRef(0), new Expr.Literal(-2191, PgType.DATE)),
                new Expr.Comparison(Expr.CompareOp.LT, new Expr.ColumnRef(0), new Expr.Literal(-1826, PgType.DATE)),
                new Expr.Comparison(Expr.CompareOp.LT, new Expr.ColumnRef(1), new Expr.Literal(24, PgType.INT4))));
        PlanNode filtered = new PlanNode.Aggregate(new PlanNode.Filter(scan, where), List.of(),
                List.of(AggCall.countStar("count"), AggCall.of(AggCall.Function.SUM, 2, "sum_price")));
        PlanNode manyKeys = new PlanNode.Aggregate(new PlanNode.Scan(source, List.of(0, 1, 2), List.of()), List.of(0),
                List.of(AggCall.countStar("count"), AggCall.of(AggCall.Function.SUM, 1, "sum_qty"),
                AggCall.of(AggCall.Function.SUM, 2, "sum_price")));
        AggregationWorkers helpers = new AggregationWorkers(workers);
        System.out.printf("%,d rows in %d batches, %d helper thread(s), zone maps %s%n", rows, decoded.size(), workers,
                zones ? "on" : "off");
        for (int round = 0; round < 3; round++) {
            if (only.isEmpty() || only.equals("group-by")) {
                measure("group-by", groupBy, helpers, runs);
            }
            if (only.isEmpty() || only.equals("filtered")) {
                measure("filtered", filtered, helpers, runs);
            }
            if (only.equals("many-keys")) { // GROUP BY l_orderkey: one group per row
                measure("many-keys", manyKeys, helpers, runs);
            }
        }
    }

    private static void measure(String name, PlanNode plan, AggregationWorkers helpers, int runs) {
        List<Object[]> answer = null;
        for (int i = 0; i < 5; i++) {
            answer = rows(new Executor(helpers).collect(plan));
        }
        long cpu0 = processCpuNanos();
        long[] walls = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            new Executor(helpers).collect(plan);
            walls[i] = System.nanoTime() - start;
        }
        long cpu = (processCpuNanos() - cpu0) / runs;
        Arrays.sort(walls);
        System.out.printf("%-9s CPU %6.2f ms/query, wall median %6.2f ms, 10th percentile %6.2f ms, min %6.2f ms   %s%n",
                name, cpu / 1e6, walls[runs / 2] / 1e6, walls[runs / 10] / 1e6, walls[0] / 1e6,
                answer.size() > 10 ? answer.size() + " rows"
                : answer.stream().map(Arrays::toString).toList());
    }

    /** The batch as {@code ParquetFileCache} holds it: int4/date chunks with zone maps. */
    private static Batch withZoneMaps(Batch b) {
        List<org.lakepg.analytics.batch.ColumnVector> vectors = new ArrayList<>();
        for (int c = 0; c < b.schema().size(); c++) {
            vectors.add(b.column(c) instanceof org.lakepg.analytics.batch.IntVector v ? v.withZoneMap() : b.column(c));
        }
        return new Batch(b.schema(), vectors, b.rowCount());
    }

    private static List<Object[]> rows(List<Batch> batches) {
        List<Object[]> out = new ArrayList<>();
        batches.forEach(b -> out.addAll(b.rows()));
        return out;
    }

    /** CPU time of the whole process (every thread, also GC and JIT compiler threads). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Rows (from, to] exactly as scripts/bench/analytics-compare inserts them (generate_series g). */
    private static Batch generate(int from, int to) {
        int n = to - from;
        VectorBuilder[] b = new VectorBuilder[LINEITEM.size()];
        for (int c = 0; c < b.length; c++) {
            b[c] = new VectorBuilder(LINEITEM.column(c).type(), n);
        }
        String[] flags = {"A", "N", "R"};
        String[] status = {"F", "O"};
        for (long g = from + 1; g <= to; g++) {
            b[0].addLong(g);
            b[1].addInt((int) (1 + g % 50));
            b[2].addDecimal(BigDecimal.valueOf((g % 100000) * 101, 2));
            b[3].addDecimal(BigDecimal.valueOf(g % 11, 2));
            b[4].add(flags[(int) (g % 3)]);
            b[5].add(status[(int) (g % 2)]);
            b[6].addInt((int) (DAYS_1992 + g % 2500));
        }
        List<org.lakepg.analytics.batch.ColumnVector> vectors = new ArrayList<>();
        for (VectorBuilder v : b) {
            vectors.add(v.build());
        }
        return new Batch(LINEITEM, vectors, n);
    }
}
