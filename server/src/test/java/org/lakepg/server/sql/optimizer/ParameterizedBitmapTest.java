package org.lakepg.server.sql.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Correlation;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;
import org.lakepg.server.stats.ColumnStatistics;
import org.lakepg.server.stats.RelationStatistics;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/** Parameterized bitmap scans of a nested loop's inner side and their loop count (get_loop_count). */
class ParameterizedBitmapTest {
    private final StubPlannerContext context = new StubPlannerContext();
    private final Map<Long, RelationStatistics> measured = context.measured;
    private final Map<Long, List<IndexInfo>> indexes = context.indexes;

    private final TableInfo outer = table(1, "o");
    private final TableInfo inner = table(2, "i");
    private final IndexInfo innerKey = new IndexInfo(3, "i_c0", 2, 3, false, false, List.of((short) 1));

    ParameterizedBitmapTest() {
        // 1000 outer rows whose c0 holds 20 distinct values, c1 one per row; 2000 inner rows, unique on c0
        measured.put(1L, new RelationStatistics(1000, 10, List.of(stats(20), stats(-1))));
        measured.put(2L, new RelationStatistics(2000, 20, List.of(stats(-1), stats(-1))));
        indexes.put(2L, List.of(innerKey));
    }

    private static ColumnStatistics stats(double distinct) {
        return StubPlannerContext.stats(distinct);
    }

    private static TableInfo table(long oid, String name) {
        return StubPlannerContext.table(oid, name, 2);
    }

    private static BoundExpr outerEqualsInner(int outerColumn, int innerColumn) {
        return new FuncExpr(96, "=", "int4eq", FuncExpr.Form.OPERATOR,
                List.of(new InputRef(outerColumn, TypeOids.INT4, -1, null), new InputRef(innerColumn, TypeOids.INT4, -1, null)),
                true, 'i', TypeOids.BOOL, -1);
    }

    private List<PlanNode> loops(NestedLoopJoinNode.Kind kind) {
        int[] ids = {0};
        // outer (c0, c1) JOIN inner ON outer.c0 = inner.c0: inner.c0 is column 2 of the joined row
        return ParameterizedIndexScans.loops(kind, new SeqScanNode(outer, false), new SeqScanNode(inner, false),
                List.of(outerEqualsInner(0, 2)), () -> ++ids[0], t -> indexes.getOrDefault(t.oid(), List.of()));
    }

    @Test
    void aOneColumnIndexGivesABitmapScanKeyedByTheOuterRow() {
        List<PlanNode> loops = loops(NestedLoopJoinNode.Kind.INNER);
        assertThat(loops).hasSize(1); // no ordered scan: the equality probe covers one-column indexes
        NestedLoopJoinNode j = (NestedLoopJoinNode) loops.get(0);
        IndexScanNode scan = ParameterizedIndexScans.bitmapScan(j.right());
        assertThat(scan).isNotNull();
        assertThat(scan.bitmap()).isTrue();
        assertThat(j.lateral()).hasSize(1);
        // an inner join's equality is built index column first
        FuncExpr condition = (FuncExpr) scan.conditions().get(0);
        assertThat(condition.arguments().get(0)).isInstanceOf(InputRef.class);
        assertThat(condition.arguments().get(1)).isInstanceOf(OuterParam.class);
    }

    @Test
    void anOuterJoinsConditionKeepsItsWrittenForm() {
        NestedLoopJoinNode j = (NestedLoopJoinNode) loops(NestedLoopJoinNode.Kind.LEFT).get(0);
        FuncExpr condition = (FuncExpr) ParameterizedIndexScans.bitmapScan(j.right()).conditions().get(0);
        assertThat(condition.arguments().get(0)).isInstanceOf(OuterParam.class);
        assertThat(condition.arguments().get(1)).isInstanceOf(InputRef.class);
    }

    @Test
    void theLoopCountIsTheRowsOfTheRelationTheParameterComesFrom() {
        CostModel costs = new CostModel(context);
        NestedLoopJoinNode direct = (NestedLoopJoinNode) loops(NestedLoopJoinNode.Kind.INNER).get(0);
        assertThat(costs.loopCount(direct)).isEqualTo(1000.0);
        // the same scan under a cross join that multiplies the outer rows: still the outer table's rows
        NestedLoopJoinNode crossed = new NestedLoopJoinNode(NestedLoopJoinNode.Kind.INNER, new SeqScanNode(outer, false),
                new SeqScanNode(inner, false), null);
        NestedLoopJoinNode multiplied = new NestedLoopJoinNode(NestedLoopJoinNode.Kind.INNER, crossed, direct.right(),
                null, direct.lateral());
        assertThat(costs.estimate(crossed).rows()).isEqualTo(2_000_000.0);
        assertThat(costs.loopCount(multiplied)).isEqualTo(1000.0);
        // a parameter read from a keyed scan counts that scan's whole relation, not its rows per run
        NestedLoopJoinNode keyedOuter = new NestedLoopJoinNode(NestedLoopJoinNode.Kind.INNER, new SeqScanNode(outer, false),
                direct.right(), null, direct.lateral());
        NestedLoopJoinNode fromKeyed = new NestedLoopJoinNode(NestedLoopJoinNode.Kind.INNER, keyedOuter, direct.right(),
                null, List.of(new Correlation(99, new InputRef(3, TypeOids.INT4, -1, null))));
        assertThat(costs.loopCount(fromKeyed)).isEqualTo(2000.0);
    }
}
