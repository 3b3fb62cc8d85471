package org.lakepg.server.sql.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.ResultNode;
import org.lakepg.server.sql.plan.ValuesNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.Correlation;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;

/** remove_useless_result_rtes for {@code left join lateral (select <values of the left row>) ss on true}. */
class ResultJoinRemovalTest {
    private final PlanNode left = new ValuesNode(List.of(
            List.of(new Const(TypeOids.INT4, -1, 1), new Const(TypeOids.INT4, -1, 2)),
            List.of(new Const(TypeOids.INT4, -1, 3), new Const(TypeOids.INT4, -1, 4))), 2);
    private final InputRef second = new InputRef(1, TypeOids.INT4, -1, "v.b");
    private final PlanNode values = new ProjectNode(new ResultNode(), List.of(new OuterParam(7, TypeOids.INT4, -1, "v.b")));

    @Test
    void onTrueTheValuesAreComputedOverTheLeftRow() {
        PlanNode join = new NestedLoopJoinNode(NestedLoopJoinNode.Kind.LEFT, left, values, null,
                List.of(new Correlation(7, second)));
        PlanNode out = ResultJoinRemoval.removed(join);
        assertThat(out).isInstanceOf(ProjectNode.class);
        ProjectNode p = (ProjectNode) out;
        assertThat(p.input()).isSameAs(left);
        assertThat(p.width()).isEqualTo(join.width());
        List<BoundExpr> e = p.expressions();
        assertThat(((InputRef) e.get(0)).index()).isEqualTo(0);
        assertThat(((InputRef) e.get(1)).index()).isEqualTo(1);
        assertThat(e.get(2)).isEqualTo(second); // the parameter replaced by the left column it carried
    }

    @Test
    void aJoinWithAConditionOrAnInnerJoinStays() {
        PlanNode conditioned = new NestedLoopJoinNode(NestedLoopJoinNode.Kind.LEFT, left, values,
                new Const(TypeOids.BOOL, -1, false), List.of(new Correlation(7, second)));
        assertThat(ResultJoinRemoval.removed(conditioned)).isSameAs(conditioned);
        PlanNode notLateralValue = new NestedLoopJoinNode(NestedLoopJoinNode.Kind.LEFT, left, values, null, List.of());
        assertThat(ResultJoinRemoval.removed(notLateralValue)).isSameAs(notLateralValue);
    }
}
