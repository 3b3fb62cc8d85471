package org.lakepg.analytics.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lakepg.analytics.InMemoryObjectStore;
import org.lakepg.analytics.RandomData;
import org.lakepg.analytics.VersionedTable;
import org.lakepg.analytics.batch.Column;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.parquet.ColumnPredicate;
import org.lakepg.analytics.parquet.ParquetWriteOptions;
import org.lakepg.analytics.plan.Expr;
import org.lakepg.analytics.plan.PlanNode;
import org.lakepg.analytics.plan.Pushdown;
import org.lakepg.analytics.scan.FreshTableSource;
import org.lakepg.analytics.snapshot.Materializer;
import org.lakepg.analytics.snapshot.TableSnapshots;

/** A filter's simple conjuncts reach the Parquet scan, which then skips row groups, and the answer stays the same. */
class PushdownPlanTest {

    @Test
    void filterConjunctsPruneRowGroupsOfAFreshScanWithoutChangingTheAnswer() {
        Schema schema = Schema.of(Column.of("id", PgType.INT8), Column.of("tag", PgType.TEXT),
                Column.of("day", PgType.DATE));
        VersionedTable table = new VersionedTable("t", schema);
        for (int page = 0; page < 100; page++) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                long id = page * 50L + i;
                rows.add(new Object[] {id, id % 2 == 0 ? "even" : "odd", (int) (id / 10)});
            }
            table.commit(Map.of(page, rows));
        }
        TableSnapshots snapshots = new TableSnapshots(new InMemoryObjectStore(), "t/");
        new Materializer(snapshots, 10, ParquetWriteOptions.defaults().withRowGroupRows(100))
                .refresh(table, table.currentLsn());
        FreshTableSource source = new FreshTableSource(snapshots, table, table.currentLsn());

        // where day >= 400 and 'even' = tag and id is not null   (columns scanned: tag, id, day)
        List<Integer> columns = List.of(1, 0, 2);
        Expr predicate = new Expr.And(List.of(
                Expr.compare(Expr.CompareOp.GE, Expr.column(2), Expr.literal(400, PgType.DATE)),
                Expr.compare(Expr.CompareOp.EQ, Expr.literal("even", PgType.TEXT), Expr.column(0)),
                new Expr.IsNull(Expr.column(1), true)));
        List<ColumnPredicate> pushdown = Pushdown.extract(predicate, schema, columns);
        assertThat(pushdown).containsExactly(new ColumnPredicate(2, ColumnPredicate.Op.GE, 400),
                new ColumnPredicate(1, ColumnPredicate.Op.EQ, "even"),
                new ColumnPredicate(0, ColumnPredicate.Op.IS_NOT_NULL, null));

        Executor pushed = new Executor();
        List<Object[]> withPushdown = RandomData.rowsOf(pushed.collect(
                new PlanNode.Filter(new PlanNode.Scan(source, columns, pushdown), predicate)));
        Executor plain = new Executor();
        List<Object[]> without = RandomData.rowsOf(plain.collect(
                new PlanNode.Filter(new PlanNode.Scan(source, columns, List.of()), predicate)));

        assertThat(RandomData.comparable(withPushdown)).isEqualTo(RandomData.comparable(without)).hasSize(500);
        // 5000 rows in 50 row groups of 100; days 400.. start in row group 40
        assertThat(pushed.scanStats().skippedByStatistics()).isEqualTo(40);
        assertThat(pushed.scanStats().rowGroupsRead()).isEqualTo(10);
        assertThat(plain.scanStats().rowGroupsRead()).isEqualTo(50);
    }
}
