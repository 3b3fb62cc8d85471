package org.lakepg.analytics.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lakepg.analytics.InMemoryObjectStore;
import org.lakepg.analytics.RandomData;
import org.lakepg.analytics.VersionedTable;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.batch.Column;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.parquet.ParquetWriteOptions;
import org.lakepg.analytics.plan.AggCall;
import org.lakepg.analytics.plan.Expr;
import org.lakepg.analytics.plan.ExprTypes;
import org.lakepg.analytics.plan.PlanNode;
import org.lakepg.analytics.plan.Pushdown;
import org.lakepg.analytics.plan.ScanSource;
import org.lakepg.analytics.plan.SortKey;
import org.lakepg.analytics.scan.FreshTableSource;
import org.lakepg.analytics.scan.InMemorySource;
import org.lakepg.analytics.scan.SnapshotSource;
import org.lakepg.analytics.snapshot.Materializer;
import org.lakepg.analytics.snapshot.TableSnapshots;
import org.lakepg.storage.Lsn;
import org.lakepg.wire.error.PgException;

/**
 * Random tables, random plans: every plan's vectorized result equals the row-at-a-time reference, whether the scan
 * reads batches in memory, a Parquet snapshot, or a fresh read at a later LSN (snapshot + changed pages).
 */
class VectorizedEngineRandomTest {

    private Random random;
    private RandomData data;
    private final Map<PlanNode.Scan, List<Object[]>> tables = new java.util.IdentityHashMap<>();
    private int plansRun;
    private int errorsAgreed;
    private long rowsCompared;

    /** A scan of a random table through a random kind of source; the reference gets the rows in scan order. */
    private PlanNode.Scan randomScan(Schema schema, int rows, String name) {
        List<Object[]> tableRows = data.rows(schema, rows, 0.15, 2 + random.nextInt(30));
        ScanSource source;
        int kind = random.nextInt(3);
        if (kind == 0) {
            List<Batch> batches = new ArrayList<>();
            for (int from = 0; from < tableRows.size(); ) {
                int n = Math.min(tableRows.size() - from, 1 + random.nextInt(700));
                batches.add(RandomData.batch(schema, tableRows.subList(from, from + n)));
                from += n;
            }
            source = new InMemorySource(schema, batches);
        } else {
            VersionedTable table = new VersionedTable(name, schema);
            for (int from = 0, page = 0; from < tableRows.size(); page++) {
                int n = Math.min(tableRows.size() - from, 1 + random.nextInt(40));
                table.commit(Map.of(page, tableRows.subList(from, from + n)));
                from += n;
            }
            TableSnapshots snapshots = new TableSnapshots(new InMemoryObjectStore(), name + "/");
            var manifest = new Materializer(snapshots, 1 + random.nextInt(8),
                    ParquetWriteOptions.defaults().withRowGroupRows(50 + random.nextInt(400)))
                    .refresh(table, table.currentLsn()).manifest();
            if (kind == 1) {
                source = new SnapshotSource(snapshots, manifest);
            } else {
                for (int k = 0; k < 5; k++) {
                    table.randomCommit(data, 40);
                }
                source = new FreshTableSource(snapshots, table, table.currentLsn());
            }
        }
        List<Integer> all = IntStream.range(0, schema.size()).boxed().toList();
        List<Integer> columns = new ArrayList<>(all);
        java.util.Collections.shuffle(columns, random);
        columns = new ArrayList<>(columns.subList(0, 1 + random.nextInt(columns.size())));
        PlanNode.Scan full = new PlanNode.Scan(source, all, List.of());
        List<Object[]> scanned = RandomData.rowsOf(new Executor().collect(full));
        if (source instanceof FreshTableSource f) {
            assertThat(sorted(scanned)).isEqualTo(sorted(((VersionedTable) f.table()).rowsAt(f.lsn())));
        } else {
            assertThat(sorted(scanned)).isEqualTo(sorted(tableRows));
        }
        PlanNode.Scan scan = new PlanNode.Scan(source, columns, List.of());
        List<Object[]> picked = new ArrayList<>();
        for (Object[] row : scanned) {
            Object[] p = new Object[columns.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = row[columns.get(i)];
            }
            picked.add(p);
        }
        tables.put(scan, picked);
        return scan;
    }

    private static List<String> sorted(List<Object[]> rows) {
        List<String> out = new ArrayList<>();
        RandomData.comparable(rows).forEach(r -> out.add(r.toString()));
        out.sort(null);
        return out;
    }

    private Object sampleValue(PlanNode.Scan scan, int column) {
        List<Object[]> rows = tables.get(scan);
        if (rows.isEmpty() || random.nextInt(8) == 0) {
            return data.value(scan.schema().column(column), 0, 30);
        }
        return rows.get(random.nextInt(rows.size()))[column];
    }

    private Expr randomPredicate(PlanNode.Scan scan, Schema s, int depth) {
        int pick = depth >= 2 ? 3 + random.nextInt(4) : random.nextInt(7); // 0-2 nest, 3-6 are leaves
        if (pick == 0 || pick == 1) {
            List<Expr> terms = new ArrayList<>();
            for (int i = 0; i < 2 + random.nextInt(2); i++) {
                terms.add(randomPredicate(scan, s, depth + 1));
            }
            return pick == 0 ? new Expr.And(terms) : new Expr.Or(terms);
        }
        if (pick == 2) {
            return new Expr.Not(randomPredicate(scan, s, depth + 1));
        }
        int c = random.nextInt(s.size());
        Column col = s.column(c);
        if (random.nextInt(6) == 0) {
            return new Expr.IsNull(new Expr.ColumnRef(c), random.nextBoolean());
        }
        if (col.type() == PgType.BOOL && random.nextBoolean()) {
            return new Expr.ColumnRef(c);
        }
        Expr.CompareOp op = Expr.CompareOp.values()[random.nextInt(6)];
        // column vs column of a comparable type, sometimes
        for (int other = 0; other < s.size() && random.nextInt(3) == 0; other++) {
            if (other != c && comparable(col.type(), s.column(other).type())) {
                return new Expr.Comparison(op, new Expr.ColumnRef(c), new Expr.ColumnRef(other));
            }
        }
        Object value = sampleValue(scan, c);
        Expr literal = new Expr.Literal(value, col.type());
        return random.nextBoolean() ? new Expr.Comparison(op, new Expr.ColumnRef(c), literal)
                : new Expr.Comparison(op, literal, new Expr.ColumnRef(c));
    }

    private static boolean comparable(PgType a, PgType b) {
        try {
            ExprTypes.comparisonDomain(a, b);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private PlanNode randomProject(PlanNode input) {
        Schema s = input.schema();
        List<Expr> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < s.size(); c++) {
            if (random.nextInt(4) != 0) {
                exprs.add(new Expr.ColumnRef(c));
                names.add("p" + names.size());
            }
        }
        List<Integer> numeric = IntStream.range(0, s.size()).filter(c -> s.column(c).type().isNumeric()).boxed()
                .toList();
        for (int k = 0; k < 2 && !numeric.isEmpty(); k++) {
            int a = numeric.get(random.nextInt(numeric.size()));
            int b = numeric.get(random.nextInt(numeric.size()));
            Expr right = random.nextInt(3) == 0 ? new Expr.Literal(3, PgType.INT4) : new Expr.ColumnRef(b);
            PgType type = ExprTypes.arithmeticType(s.column(a).type(), ExprTypes.typeOf(right, s));
            Expr.ArithOp[] ops = type == PgType.FLOAT4 || type == PgType.FLOAT8
                    ? new Expr.ArithOp[] {Expr.ArithOp.ADD, Expr.ArithOp.SUBTRACT, Expr.ArithOp.MULTIPLY}
                    : Expr.ArithOp.values();
            exprs.add(new Expr.Arithmetic(ops[random.nextInt(ops.length)], new Expr.ColumnRef(a), right));
            names.add("p" + names.size());
        }
        if (exprs.isEmpty()) {
            exprs.add(new Expr.ColumnRef(0));
            names.add("p0");
        }
        return new PlanNode.Project(input, exprs, names);
    }

    private PlanNode randomAggregate(PlanNode input) {
        Schema s = input.schema();
        List<Integer> groupBy = new ArrayList<>();
        for (int k = 0; k < random.nextInt(3); k++) {
            int c = random.nextInt(s.size());
            if (!groupBy.contains(c)) {
                groupBy.add(c);
            }
        }
        List<AggCall> aggs = new ArrayList<>();
        aggs.add(AggCall.countStar("a0"));
        for (int k = 0; k < 1 + random.nextInt(4); k++) {
            int c = random.nextInt(s.size());
            PgType t = s.column(c).type();
            List<AggCall.Function> ok = new ArrayList<>(List.of(AggCall.Function.COUNT));
            if (t.isNumeric()) {
                ok.add(AggCall.Function.SUM);
                ok.add(AggCall.Function.AVG);
            }
            if (t != PgType.UUID && t != PgType.BYTEA && t != PgType.BOOL) {
                ok.add(AggCall.Function.MIN);
                ok.add(AggCall.Function.MAX);
            }
            aggs.add(AggCall.of(ok.get(random.nextInt(ok.size())), c, "a" + aggs.size()));
        }
        return new PlanNode.Aggregate(input, groupBy, aggs);
    }

    private PlanNode randomSort(PlanNode input) {
        Schema s = input.schema();
        List<SortKey> keys = new ArrayList<>();
        for (int k = 0; k < 1 + random.nextInt(3); k++) {
            int c = random.nextInt(s.size());
            if (s.column(c).type() == PgType.UUID && random.nextBoolean()) {
                continue;
            }
            keys.add(new SortKey(c, random.nextBoolean(), random.nextBoolean()));
        }
        if (keys.isEmpty()) {
            keys.add(SortKey.asc(0));
        }
        OptionalLong limit = random.nextBoolean() ? OptionalLong.of(random.nextInt(50)) : OptionalLong.empty();
        return new PlanNode.Sort(input, keys, limit);
    }

    private PlanNode withFilter(PlanNode.Scan scan) {
        if (random.nextInt(4) == 0) {
            return scan;
        }
        Expr predicate = randomPredicate(scan, scan.schema(), 0);
        // the scan may skip row groups by the filter's simple conjuncts; the filter above still decides each row
        PlanNode.Scan pushed = new PlanNode.Scan(scan.source(), scan.columns(),
                Pushdown.extract(predicate, scan.source().schema(), scan.columns()));
        tables.put(pushed, tables.get(scan));
        return new PlanNode.Filter(pushed, predicate);
    }

    private void check(PlanNode plan) {
        plansRun++;
        List<Object[]> expected;
        PgException expectedError = null;
        try {
            expected = new RowReference(tables).run(plan);
        } catch (PgException e) {
            expected = null;
            expectedError = e;
        }
        List<Object[]> actual;
        try {
            actual = RandomData.rowsOf(new Executor().collect(plan));
        } catch (PgException e) {
            assertThat(expectedError).as("vectorized failed with %s, reference did not; plan %s", e.getMessage(), plan)
                    .isNotNull();
            assertThat(e.sqlState()).isEqualTo(expectedError.sqlState());
            errorsAgreed++;
            return;
        }
        assertThat(expectedError).as("reference failed, vectorized did not: %s", plan).isNull();
        assertThat(RandomData.comparable(actual)).as("plan %s", plan).isEqualTo(RandomData.comparable(expected));
        rowsCompared += actual.size();
    }

    @Test
    void randomPlansGiveTheReferenceAnswers() {
        for (long seed = 1; seed <= 120; seed++) {
            random = new Random(seed);
            data = new RandomData(seed * 7919);
            tables.clear();
            Schema schema = data.allTypesSchema(2);
            PlanNode.Scan scan = randomScan(schema, random.nextInt(5) == 0 ? random.nextInt(3) : random.nextInt(2500),
                    "t" + seed);
            PlanNode plan = withFilter(scan);
            if (random.nextInt(3) == 0) {
                plan = randomProject(plan);
            }
            switch (random.nextInt(4)) {
                case 0 -> plan = randomAggregate(plan);
                case 1 -> plan = randomSort(plan);
                case 2 -> {
                    PlanNode agg = randomAggregate(plan);
                    plan = new PlanNode.Sort(agg, IntStream.range(0, agg.schema().size()).mapToObj(SortKey::asc)
                            .toList(), OptionalLong.empty());
                }
                default -> plan = new PlanNode.Limit(plan, random.nextInt(100));
            }
            check(plan);
        }
        assertThat(plansRun).isEqualTo(120);
        assertThat(rowsCompared).as("the random plans return rows, not only empty results").isGreaterThan(2000);
    }

    @Test
    void randomJoinsGiveTheReferenceAnswers() {
        for (long seed = 1; seed <= 60; seed++) {
            random = new Random(seed);
            data = new RandomData(seed * 104729);
            tables.clear();
            Schema left = new Schema(List.of(Column.of("k", PgType.INT4), Column.of("name", PgType.TEXT),
                    Column.numeric("amount", 12, 2), Column.of("d", PgType.DATE)));
            Schema right = new Schema(List.of(Column.of("k", random.nextBoolean() ? PgType.INT8 : PgType.INT4),
                    Column.of("name", PgType.VARCHAR), Column.of("x", PgType.FLOAT8)));
            PlanNode.Scan l = randomScan(left, random.nextInt(800), "l" + seed);
            PlanNode.Scan r = randomScan(right, random.nextInt(300), "r" + seed);
            boolean twoKeys = random.nextBoolean();
            List<Integer> lk = twoKeys ? List.of(l.columns().indexOf(0), l.columns().indexOf(1)) : List.of(l.columns().indexOf(0));
            List<Integer> rk = twoKeys ? List.of(r.columns().indexOf(0), r.columns().indexOf(1)) : List.of(r.columns().indexOf(0));
            if (lk.contains(-1) || rk.contains(-1)) {
                continue; // the random scans pruned a key column away
            }
            PlanNode plan = new PlanNode.HashJoin(withFilter(l), r, lk, rk,
                    random.nextBoolean() ? PlanNode.JoinType.INNER : PlanNode.JoinType.LEFT);
            switch (random.nextInt(3)) {
                case 0 -> plan = randomAggregate(plan);
                case 1 -> plan = randomSort(plan);
                default -> {
                }
            }
            check(plan);
        }
        assertThat(plansRun).isGreaterThan(10);
        assertThat(rowsCompared).isGreaterThan(1000);
    }
}
