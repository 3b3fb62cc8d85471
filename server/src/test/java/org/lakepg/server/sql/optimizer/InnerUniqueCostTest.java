package org.lakepg.server.sql.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.DistinctNode;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.HashLookupNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.SortKey;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.Correlation;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;
import org.lakepg.server.stats.RelationStatistics;
import org.lakepg.server.table.ColumnInfo;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/** Joins whose inner side is unique stop at the first match: PostgreSQL 15's inner_unique costing. */
class InnerUniqueCostTest {
    private final Map<Long, List<IndexInfo>> indexes = new HashMap<>();

    private final PlannerContext context = new PlannerContext() {
        @Override
        public RelationStatistics measured(TableInfo table) {
            return null;
        }

        @Override
        public long currentPages(TableInfo table) {
            return 0;
        }

        @Override
        public List<IndexInfo> indexes(TableInfo table) {
            return indexes.getOrDefault(table.oid(), List.of());
        }

        @Override
        public String setting(String name) {
            return null;
        }
    };

    private static TableInfo table(long oid, int columns) {
        List<ColumnInfo> cols = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            cols.add(new ColumnInfo("c" + i, (short) (i + 1), TypeOids.INT4, -1, false, null, '\0'));
        }
        return new TableInfo(oid, "t" + oid, 2200, (int) oid, 0, cols);
    }

    private static FuncExpr equals(BoundExpr a, BoundExpr b) {
        return new FuncExpr(96, "=", "int4eq", FuncExpr.Form.OPERATOR, List.of(a, b), true, 'i', TypeOids.BOOL, -1);
    }

    private static InputRef column(int index) {
        return new InputRef(index, TypeOids.INT4, -1, null);
    }

    /** outer's columns 0 and 1 hashed against inner's columns 0 and 1. */
    private static NestedLoopJoinNode hashJoinOnTwoColumns(PlanNode outer, PlanNode inner) {
        return new NestedLoopJoinNode(NestedLoopJoinNode.Kind.INNER, outer,
                new HashLookupNode(inner, List.of(0, 1), List.of(new OuterParam(1, TypeOids.INT4, -1, null),
                        new OuterParam(2, TypeOids.INT4, -1, null))), null,
                List.of(new Correlation(1, column(0)), new Correlation(2, column(1))));
    }

    @Test
    void aHashJoinIntoAPrimaryKeyStopsAtTheFirstMatch() {
        // aggregates.sql: t1 (a, b, c, d) primary key (a, b), t2 (x, y, z) primary key (x, y), never analyzed;
        // PostgreSQL 15: Hash Join (cost=56.25..97.36 rows=94) hashing t1 under t2
        TableInfo t1 = table(1, 4);
        TableInfo t2 = table(2, 3);
        indexes.put(1L, List.of(new IndexInfo(11, "t1_pkey", 1, 11, true, true, List.of((short) 1, (short) 2))));
        indexes.put(2L, List.of(new IndexInfo(12, "t2_pkey", 2, 12, true, true, List.of((short) 1, (short) 2))));
        PlanEstimate unique = new CostModel(context).estimate(
                hashJoinOnTwoColumns(new SeqScanNode(t2, false), new SeqScanNode(t1, false)));
        assertThat(unique.startup()).isCloseTo(56.25, within(0.005));
        assertThat(unique.total()).isCloseTo(97.36, within(0.005));
        assertThat(unique.shownRows()).isEqualTo(94);

        indexes.clear(); // without the key every outer row meets its bucket's rows
        PlanEstimate plain = new CostModel(context).estimate(
                hashJoinOnTwoColumns(new SeqScanNode(t2, false), new SeqScanNode(t1, false)));
        assertThat(plain.total()).isGreaterThan(unique.total() + 100);
        assertThat(plain.shownRows()).isEqualTo(94);
    }

    @Test
    void aConstantFilterCompletesTheUniqueKey() {
        TableInfo t = table(3, 3);
        indexes.put(3L, List.of(new IndexInfo(13, "t_c0_c1_c2", 3, 13, true, false,
                List.of((short) 1, (short) 2, (short) 3))));
        PlanNode filtered = new FilterNode(new SeqScanNode(t, false), equals(column(2), new Const(TypeOids.INT4, -1, 2)));
        NestedLoopJoinNode keyed = hashJoinOnTwoColumns(new SeqScanNode(table(4, 3), false), filtered);
        assertThat(InnerUnique.of(keyed, context::indexes)).isTrue();
        PlanNode unfiltered = new SeqScanNode(t, false);
        assertThat(InnerUnique.of(hashJoinOnTwoColumns(new SeqScanNode(table(4, 3), false), unfiltered),
                context::indexes)).isFalse();
    }

    @Test
    void aSideMadeDistinctOnTheJoinedColumnsIsUnique() {
        PlanNode inner = new SeqScanNode(table(5, 3), false);
        SortKey c0 = new SortKey(0, 351, "btint4cmp", false, false);
        SortKey c1 = new SortKey(1, 351, "btint4cmp", false, false);
        PlanNode outer = new SeqScanNode(table(6, 3), false);
        assertThat(InnerUnique.of(hashJoinOnTwoColumns(outer, new DistinctNode(inner, List.of(c0, c1))),
                context::indexes)).isTrue();
        assertThat(InnerUnique.of(hashJoinOnTwoColumns(outer, new DistinctNode(inner, List.of(c0))),
                context::indexes)).isTrue();
        SortKey c2 = new SortKey(2, 351, "btint4cmp", false, false);
        assertThat(InnerUnique.of(hashJoinOnTwoColumns(outer, new DistinctNode(inner, List.of(c0, c2))),
                context::indexes)).isFalse(); // c2 is not compared: several rows may share (c0, c1)
    }

    @Test
    void aSemiJoinMatchesNoMoreRowsThanTheInnerJoinWould() {
        // eqjoinsel's clamp: 29 inner rows of 201 distinct values, 30 distinct outer values: 29/30 of the outer rows
        // by the distinct counts, but at most 29 * 1/201 of them
        CostModel costs = new CostModel(context);
        ColumnEstimate outer = new ColumnEstimate(null, 30, true, TypeOids.INT4);
        ColumnEstimate inner = new ColumnEstimate(null, 201, true, TypeOids.INT4);
        assertThat(costs.semiFactors(outer, inner, 29).outerMatchFraction()).isCloseTo(29.0 / 201, within(1e-9));
    }
}
