package org.lakepg.server.sql.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.HashLookupNode;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.stats.ColumnStatistics;
import org.lakepg.server.stats.RelationStatistics;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

class CostModelTest {
    private final Map<Long, RelationStatistics> measured = new HashMap<>();
    private final Map<Long, Long> pages = new HashMap<>();
    private final Map<Long, List<IndexInfo>> indexes = new HashMap<>();
    private final Map<String, String> settings = new HashMap<>();

    private final PlannerContext context = new PlannerContext() {
        @Override
        public RelationStatistics measured(TableInfo table) {
            return measured.get(table.oid());
        }

        @Override
        public long currentPages(TableInfo table) {
            return pages.getOrDefault(table.oid(), 0L);
        }

        @Override
        public long indexPages(IndexInfo index) {
            return 30;
        }

        @Override
        public List<IndexInfo> indexes(TableInfo table) {
            return indexes.getOrDefault(table.oid(), List.of());
        }

        @Override
        public String setting(String name) {
            return settings.get(name);
        }
    };

    private static TableInfo table(long oid, String name, int columns) {
        List<ColumnInfo> cols = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            cols.add(new ColumnInfo("c" + i, (short) (i + 1), TypeOids.INT4, -1, false, null, '\0'));
        }
        return new TableInfo(oid, name, 2200, (int) oid, 0, cols);
    }

    private static FuncExpr equals(BoundExpr a, BoundExpr b) {
        return new FuncExpr(96, "=", "int4eq", FuncExpr.Form.OPERATOR, List.of(a, b), true, 'i', TypeOids.BOOL, -1);
    }

    private static InputRef column(int index) {
        return new InputRef(index, TypeOids.INT4, -1, null);
    }

    @Test
    void aNeverAnalyzedTableIsTenPagesOfTuplesAsWideAsItsTypes() {
        // PostgreSQL: Seq Scan on t (cost=0.00..32.60 rows=2260 width=8) for a new (int, int) table
        PlanEstimate e = new CostModel(context).estimate(new SeqScanNode(table(1, "t", 2), false));
        assertThat(e.total()).isCloseTo(32.60, org.assertj.core.data.Offset.offset(0.001));
        assertThat(e.shownRows()).isEqualTo(2260);
        assertThat(e.width()).isEqualTo(8);
    }

    @Test
    void anAnalyzedTableScalesItsDensityToTheCurrentPages() {
        TableInfo t = table(2, "big", 1);
        measured.put(2L, new RelationStatistics(10000, 345, List.of()));
        pages.put(2L, 345L);
        PlanEstimate e = new CostModel(context).estimate(new SeqScanNode(t, false));
        assertThat(e.total()).isCloseTo(445.0, org.assertj.core.data.Offset.offset(0.001));
        pages.put(2L, 690L);
        assertThat(new CostModel(context).estimate(new SeqScanNode(t, false)).rows()).isEqualTo(20000);
    }

    @Test
    void equalityUsesMostCommonValuesAndTheRestShareTheRemainder() {
        TableInfo t = table(3, "s", 1);
        pages.put(3L, 10L);
        measured.put(3L, new RelationStatistics(1000, 10, List.of(new ColumnStatistics(0, 4, 20,
                List.of(7), List.of(0.5), List.of()))));
        CostModel model = new CostModel(context);
        SeqScanNode scan = new SeqScanNode(t, false);
        assertThat(model.estimate(new FilterNode(scan, equals(column(0), new Const(TypeOids.INT4, -1, 7)))).rows())
                .isEqualTo(500);
        // the other 19 values share the other half
        assertThat(model.estimate(new FilterNode(scan, equals(column(0), new Const(TypeOids.INT4, -1, 8)))).rows())
                .isCloseTo(1000 * 0.5 / 19, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aSmallOuterSideProbesTheIndexOfALargeTable() {
        TableInfo small = table(4, "small", 1);
        TableInfo big = table(5, "big", 2);
        pages.put(4L, 1L);
        measured.put(4L, new RelationStatistics(5, 1, List.of()));
        pages.put(5L, 345L);
        measured.put(5L, new RelationStatistics(10000, 345, List.of()));
        indexes.put(5L, List.of(new IndexInfo(6, "big_c1", 5, 6, true, false, List.of((short) 2))));
        PlanNode plan = join(small, big, 1 + 1);
        assertThat(plan).isInstanceOf(NestedLoopJoinNode.class);
        assertThat(((NestedLoopJoinNode) plan).right()).isInstanceOf(IndexScanNode.class);

        settings.put("enable_nestloop", "off");
        PlanNode hashed = join(small, big, 2);
        // the hash join hashes the small side, so the big one drives it and the columns are put back in order
        assertThat(hashed).isInstanceOf(ProjectNode.class);
        NestedLoopJoinNode j = (NestedLoopJoinNode) ((ProjectNode) hashed).input();
        assertThat(j.right()).isInstanceOf(HashLookupNode.class);
        assertThat(((HashLookupNode) j.right()).input()).isInstanceOf(SeqScanNode.class);
        assertThat(((SeqScanNode) ((HashLookupNode) j.right()).input()).table().name()).isEqualTo("small");
    }

    @Test
    void aVolatileKeyOfNoColumnMakesEveryRowAGroupAndAConstantOneGroup() {
        // estimate_num_groups: DISTINCT distinct_func(1) over 10000 rows (a volatile call) estimates 10000 groups
        TableInfo t = table(7, "t", 1);
        pages.put(7L, 45L);
        measured.put(7L, new RelationStatistics(10000, 45, List.of()));
        FuncExpr volatileCall = new FuncExpr(9001, "distinct_func", "distinct_func", FuncExpr.Form.CALL,
                List.of(new Const(TypeOids.INT4, -1, 1)), false, 'v', TypeOids.INT4, -1);
        FuncExpr stableCall = new FuncExpr(9002, "stable_func", "stable_func", FuncExpr.Form.CALL,
                List.of(new Const(TypeOids.INT4, -1, 1)), false, 's', TypeOids.INT4, -1);
        CostModel costs = new CostModel(context);
        PlanNode input = new ProjectNode(new SeqScanNode(t, false), List.of(volatileCall, stableCall));
        assertThat(costs.groups(input, List.of(column(0)), 10000)).isEqualTo(10000);
        // one that calls nothing volatile is a constant: a single group, whatever the rows
        assertThat(costs.groups(input, List.of(column(1)), 10000)).isEqualTo(1);
        // a column beside it counts as before (no statistics: the default 200)
        PlanNode withColumn = new ProjectNode(new SeqScanNode(t, false), List.of(column(0), stableCall));
        assertThat(costs.groups(withColumn, List.of(column(0), column(1)), 10000)).isEqualTo(200);
    }

    /** small JOIN big ON small.c0 = big.c1 (big.c1 is combined column {@code bigColumn}). */
    private PlanNode join(TableInfo small, TableInfo big, int bigColumn) {
        int[] ids = {0};
        JoinMethods methods = new JoinMethods(new CostModel(context), () -> ++ids[0], context::indexes,
                type -> java.util.Optional.empty());
        return methods.choose(NestedLoopJoinNode.Kind.INNER, new SeqScanNode(small, false), new SeqScanNode(big, false),
                List.of(equals(column(0), column(bigColumn))), 1);
    }
}
