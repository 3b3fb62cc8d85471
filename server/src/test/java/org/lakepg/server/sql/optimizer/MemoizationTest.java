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
import org.lakepg.server.sql.plan.ValuesNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.Correlation;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;
import org.lakepg.server.stats.ColumnStatistics;
import org.lakepg.server.stats.RelationStatistics;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/** Memoize above a nested loop's parameterized index scan (get_memoize_path, cost_memoize_rescan). */
class MemoizationTest {
    private final StubPlannerContext context = new StubPlannerContext();
    private final Map<Long, RelationStatistics> measured = context.measured;
    private final Map<Long, List<IndexInfo>> indexes = context.indexes;
    private final Map<String, String> settings = context.settings;

    private final TableInfo outer = table(1, "o");
    private final TableInfo inner = table(2, "i");
    private final IndexInfo innerKey = new IndexInfo(3, "i_c0", 2, 3, true, false, List.of((short) 1));

    MemoizationTest() {
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

    /** outer JOIN inner ON inner.c0 = outer.c{outerColumn}, probing the inner table's unique index. */
    private NestedLoopJoinNode probeLoop(NestedLoopJoinNode.Kind kind, PlanNode left, int outerColumn,
                                         BoundExpr condition) {
        return probeLoop(kind, left, outerColumn, condition, innerKey);
    }

    private NestedLoopJoinNode probeLoop(NestedLoopJoinNode.Kind kind, PlanNode left, int outerColumn,
                                         BoundExpr condition, IndexInfo index) {
        IndexScanNode probe = new IndexScanNode(inner, index, new OuterParam(1, TypeOids.INT4, -1, null), false);
        return new NestedLoopJoinNode(kind, left, probe, condition,
                List.of(new Correlation(1, new InputRef(outerColumn, TypeOids.INT4, -1, null))));
    }

    @Test
    void anOuterKeyWithFewDistinctValuesIsRememberedByTheJoinOperators() {
        NestedLoopJoinNode j = probeLoop(NestedLoopJoinNode.Kind.INNER, new SeqScanNode(outer, false), 0, null);
        assertThat(Memoization.chosen(j, new CostModel(context))).isTrue();
        assertThat(Memoization.mode(j)).isEqualTo(Memoization.CacheMode.LOGICAL);
        assertThat(Memoization.chosen(probeLoop(NestedLoopJoinNode.Kind.LEFT, new SeqScanNode(outer, false), 0, null),
                new CostModel(context))).isTrue();
    }

    @Test
    void aKeyThatNeverRepeatsOrDisabledMemoizeGetsNone() {
        assertThat(Memoization.chosen(probeLoop(NestedLoopJoinNode.Kind.INNER, new SeqScanNode(outer, false), 1, null),
                new CostModel(context))).isFalse();
        settings.put("enable_memoize", "off");
        assertThat(Memoization.chosen(probeLoop(NestedLoopJoinNode.Kind.INNER, new SeqScanNode(outer, false), 0, null),
                new CostModel(context))).isFalse();
    }

    @Test
    void semiJoinsAndAUniqueInnerWithAJoinFilterGetNone() {
        assertThat(Memoization.chosen(probeLoop(NestedLoopJoinNode.Kind.SEMI, new SeqScanNode(outer, false), 0, null),
                new CostModel(context))).isFalse();
        BoundExpr filter = new FuncExpr(521, ">", "int4gt", FuncExpr.Form.OPERATOR,
                List.of(new InputRef(3, TypeOids.INT4, -1, null), new InputRef(1, TypeOids.INT4, -1, null)), true, 'i',
                TypeOids.BOOL, -1);
        NestedLoopJoinNode filtered = probeLoop(NestedLoopJoinNode.Kind.INNER, new SeqScanNode(outer, false), 0, filter);
        assertThat(Memoization.chosen(filtered, new CostModel(context))).isFalse();
        // not unique: every run reads all its rows, so the entries are complete
        IndexInfo plain = new IndexInfo(4, "i_c0_plain", 2, 4, false, false, List.of((short) 1));
        assertThat(Memoization.chosen(probeLoop(NestedLoopJoinNode.Kind.INNER, new SeqScanNode(outer, false), 0, filter,
                plain), new CostModel(context))).isTrue();
    }

    @Test
    void aValuesListCountsItsListsAsDistinctValues() {
        // 2 lists of a 1000-row outer side: PostgreSQL takes the VALUES' 2 tuples as 2 distinct keys
        List<List<BoundExpr>> rows = List.of(List.of(new Const(TypeOids.INT4, -1, 1)),
                List.of(new Const(TypeOids.INT4, -1, -1)));
        PlanNode left = new NestedLoopJoinNode(NestedLoopJoinNode.Kind.INNER, new SeqScanNode(outer, false),
                new ValuesNode(rows, 1), null);
        assertThat(Memoization.chosen(probeLoop(NestedLoopJoinNode.Kind.INNER, left, 2, null), new CostModel(context))).isTrue();
    }
}
