package org.lakepg.analytics.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.Column;
import org.lakepg.analytics.batch.ColumnVector;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.batch.VectorBuilder;
import org.lakepg.analytics.exec.Executor;
import org.lakepg.analytics.parquet.ParquetBatchReader;
import org.lakepg.analytics.parquet.ParquetBatchWriter;
import org.lakepg.analytics.parquet.ParquetWriteOptions;
import org.lakepg.analytics.parquet.ScanStats;
import org.lakepg.analytics.plan.AggCall;
import org.lakepg.analytics.plan.Expr;
import org.lakepg.analytics.plan.PlanNode;
import org.lakepg.analytics.plan.Pushdown;
import org.lakepg.analytics.plan.ScanSource;
import org.lakepg.analytics.scan.InMemorySource;

/**
 * Prints figures (no assertions): Parquet write throughput, and a group-by aggregate and a filtered aggregate over a
 * lineitem-like table, run by the vectorized engine (from Parquet and from batches in memory) and by a
 * row-at-a-time loop over boxed rows (the row engine's way of evaluating). Run with
 * {@code java -Xmx6g -cp <analytics classes, test classes, dependencies> org.lakepg.analytics.bench.AnalyticsBenchmark [rows]}.
 */
public final class AnalyticsBenchmark {

    static final Schema LINEITEM = Schema.of(Column.of("l_orderkey", PgType.INT8), Column.of("l_quantity", PgType.INT4),
            Column.of("l_extendedprice", PgType.FLOAT8), Column.of("l_discount", PgType.FLOAT8),
            Column.of("l_returnflag", PgType.TEXT), Column.of("l_linestatus", PgType.TEXT),
            Column.of("l_shipdate", PgType.DATE));
    static final int BATCH = 64 * 1024;

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        List<Batch> batches = generate(rows);
        System.out.printf("rows: %,d in %d batches%n", rows, batches.size());

        // Parquet write, one file per 1M rows (a heap page range of a big table)
        List<byte[]> files = new ArrayList<>();
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        int perFile = 1_000_000 / BATCH + 1;
        for (int from = 0; from < batches.size(); from += perFile) {
            files.add(ParquetBatchWriter.toBytes(LINEITEM, batches.subList(from, Math.min(batches.size(), from + perFile)),
                    ParquetWriteOptions.defaults()));
        }
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        double writeCpu = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long bytes = files.stream().mapToLong(f -> f.length).sum();
        long rawBytes = (long) rows * (8 + 4 + 8 + 8 + 1 + 1 + 4);
        System.out.printf("parquet write: %.2f s wall, %.2f s CPU, %,d files, %.1f MB written; per CPU second: %.1f MB"
                        + " of Parquet, %.1f MB of raw column data, %,.0f rows%n", writeSeconds, writeCpu, files.size(),
                bytes / 1e6, bytes / 1e6 / writeCpu, rawBytes / 1e6 / writeCpu, rows / writeCpu);

        ScanSource parquet = new ParquetFilesSource(LINEITEM, files);
        String duckFiles = writeForDuckDb(files);
        ScanSource memory = new InMemorySource(LINEITEM, batches);
        int cutoff = 9000; // shipdate <= 9000 days after 2000-01-01: ~90% of rows
        for (int round = 0; round < 5; round++) {
            System.out.printf("-- round %d%n", round + 1);
            measure("group-by aggregate, vectorized over Parquet", rows, () -> run(groupBy(parquet, cutoff)));
            measure("group-by aggregate, vectorized over batches in memory", rows, () -> run(groupBy(memory, cutoff)));
            measure("group-by aggregate, row at a time over boxed rows", rows, () -> rowGroupBy(batches, cutoff));
            measure("filtered aggregate, vectorized over Parquet", rows, () -> run(filtered(parquet)));
            measure("filtered aggregate, vectorized over batches in memory", rows, () -> run(filtered(memory)));
            measure("filtered aggregate, row at a time over boxed rows", rows, () -> rowFiltered(batches));
            measure("group-by aggregate, DuckDB (1 thread) on the same Parquet", rows, () -> duck(
                    "SELECT l_returnflag, l_linestatus, count(*), sum(l_quantity), avg(l_extendedprice),"
                            + " avg(l_discount), min(l_shipdate) FROM read_parquet(" + duckFiles + ")"
                            + " WHERE l_shipdate <= DATE '2000-01-01' + " + cutoff + " GROUP BY 1, 2"));
            measure("filtered aggregate, DuckDB (1 thread) on the same Parquet", rows, () -> duck(
                    "SELECT sum(l_extendedprice), count(*) FROM read_parquet(" + duckFiles + ")"
                            + " WHERE l_quantity < 5 AND l_discount >= 0.05"));
        }
    }

    /** select returnflag, linestatus, count(*), sum(quantity), avg(extendedprice), avg(discount), min(shipdate)
     *  from lineitem where shipdate <= cutoff group by 1, 2 */
    static PlanNode groupBy(ScanSource source, int cutoff) {
        List<Integer> columns = List.of(4, 5, 1, 2, 3, 6);
        Expr predicate = Expr.compare(Expr.CompareOp.LE, Expr.column(5), Expr.literal(cutoff, PgType.DATE));
        PlanNode scan = new PlanNode.Scan(source, columns, Pushdown.extract(predicate, source.schema(), columns));
        return new PlanNode.Aggregate(new PlanNode.Filter(scan, predicate), List.of(0, 1), List.of(
                AggCall.countStar("count_order"), AggCall.of(AggCall.Function.SUM, 2, "sum_qty"),
                AggCall.of(AggCall.Function.AVG, 3, "avg_price"), AggCall.of(AggCall.Function.AVG, 4, "avg_disc"),
                AggCall.of(AggCall.Function.MIN, 5, "min_ship")));
    }

    /** select sum(extendedprice), count(*) from lineitem where quantity < 5 and discount >= 0.05 */
    static PlanNode filtered(ScanSource source) {
        List<Integer> columns = List.of(1, 2, 3);
        Expr predicate = Expr.and(
                Expr.compare(Expr.CompareOp.LT, Expr.column(0), Expr.literal(5, PgType.INT4)),
                Expr.compare(Expr.CompareOp.GE, Expr.column(2), Expr.literal(0.05, PgType.FLOAT8)));
        PlanNode scan = new PlanNode.Scan(source, columns, Pushdown.extract(predicate, source.schema(), columns));
        return new PlanNode.Aggregate(new PlanNode.Filter(scan, predicate), List.of(), List.of(
                AggCall.of(AggCall.Function.SUM, 1, "revenue"), AggCall.countStar("n")));
    }

    private static java.sql.Connection duck;

    /** Writes the files to a temporary directory for DuckDB and returns them as a DuckDB list literal. */
    static String writeForDuckDb(List<byte[]> files) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("lakepg-bench");
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                java.nio.file.Path p = dir.resolve("part-" + i + ".parquet");
                java.nio.file.Files.write(p, files.get(i));
                p.toFile().deleteOnExit();
                paths.add("'" + p + "'");
            }
            dir.toFile().deleteOnExit();
            duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
            try (var st = duck.createStatement()) {
                st.execute("SET threads = 1");
            }
            return "[" + String.join(", ", paths) + "]";
        } catch (java.io.IOException | java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String duck(String sql) {
        StringBuilder out = new StringBuilder();
        try (var st = duck.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.append('[');
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.append(i > 1 ? ", " : "").append(rs.getObject(i));
                }
                out.append("] ");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    static String run(PlanNode plan) {
        StringBuilder out = new StringBuilder();
        for (Batch b : new Executor().collect(plan)) {
            for (Object[] row : b.rows()) {
                out.append(java.util.Arrays.toString(row)).append(' ');
            }
        }
        return out.toString();
    }

    /** The same group-by, the way a row engine does it: one boxed row at a time, a hash map of group states. */
    static String rowGroupBy(List<Batch> batches, int cutoff) {
        Map<List<Object>, Object[]> groups = new HashMap<>();
        for (Batch b : batches) {
            for (int r = 0; r < b.rowCount(); r++) {
                Object[] row = b.row(r);
                Object ship = row[6];
                if (ship == null || (Integer) ship > cutoff) {
                    continue;
                }
                Object[] state = groups.computeIfAbsent(List.of(row[4], row[5]),
                        k -> new Object[] {0L, 0L, 0.0, 0L, 0.0, 0L, null});
                state[0] = (Long) state[0] + 1;
                if (row[1] != null) {
                    state[1] = (Long) state[1] + (Integer) row[1];
                }
                if (row[2] != null) {
                    state[2] = (Double) state[2] + (Double) row[2];
                    state[3] = (Long) state[3] + 1;
                }
                if (row[3] != null) {
                    state[4] = (Double) state[4] + (Double) row[3];
                    state[5] = (Long) state[5] + 1;
                }
                if (state[6] == null || (Integer) ship < (Integer) state[6]) {
                    state[6] = ship;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        groups.forEach((k, s) -> out.append(k).append(java.util.Arrays.toString(s)).append(' '));
        return out.toString();
    }

    static String rowFiltered(List<Batch> batches) {
        double sum = 0;
        long n = 0;
        for (Batch b : batches) {
            for (int r = 0; r < b.rowCount(); r++) {
                Object[] row = b.row(r);
                if (row[1] != null && (Integer) row[1] < 5 && row[3] != null && (Double) row[3] >= 0.05) {
                    sum += (Double) row[2];
                    n++;
                }
            }
        }
        return sum + " " + n;
    }

    /** The machine is shared: CPU time of this (single) thread is the figure that means something; wall for reference. */
    static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    static void measure(String what, int rows, java.util.function.Supplier<String> work) {
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        String result = work.get();
        double cpu = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-54s %7.3f s CPU %7.3f s wall %,14.0f rows/CPU-s   %s%n", what, cpu, seconds, rows / cpu,
                result.length() > 60 ? result.substring(0, 60) + "..." : result);
    }

    static List<Batch> generate(int rows) {
        Random random = new Random(42);
        String[] flags = {"A", "N", "R"};
        String[] status = {"F", "O"};
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < rows; from += BATCH) {
            int n = Math.min(BATCH, rows - from);
            VectorBuilder[] b = new VectorBuilder[LINEITEM.size()];
            for (int c = 0; c < b.length; c++) {
                b[c] = new VectorBuilder(LINEITEM.column(c).type(), n);
            }
            for (int i = 0; i < n; i++) {
                long row = from + i;
                b[0].addLong(row / 4);
                b[1].addInt(1 + random.nextInt(50));
                b[2].addDouble(Math.round(random.nextDouble() * 100_000_00) / 100.0);
                b[3].addDouble(random.nextInt(11) / 100.0);
                b[4].addObject(flags[random.nextInt(3)]);
                b[5].addObject(status[random.nextInt(2)]);
                // shipdates rise with the row (as rows are loaded in date order), so row groups have date ranges
                b[6].addInt((int) (row * 10_000L / rows) + random.nextInt(30));
            }
            List<ColumnVector> vectors = new ArrayList<>();
            for (VectorBuilder vb : b) {
                vectors.add(vb.build());
            }
            batches.add(new Batch(LINEITEM, vectors, n));
        }
        return batches;
    }

    /** Parquet files held in memory. */
    record ParquetFilesSource(Schema schema, List<byte[]> files) implements ScanSource {
        @Override
        public ScanStats scan(List<Integer> columns, List<org.lakepg.analytics.parquet.ColumnPredicate> pushdown,
                              java.util.function.Consumer<Batch> sink) {
            ScanStats stats = ScanStats.NONE;
            for (byte[] f : files) {
                try (ParquetBatchReader reader = ParquetBatchReader.open(f)) {
                    stats = stats.plus(reader.scan(columns, pushdown, sink));
                }
            }
            return stats;
        }
    }

}
