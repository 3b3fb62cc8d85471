package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * GROUP BY: output rows are the group keys followed by the aggregate results. Without keys there
 * is exactly one group, even over no rows ({@code select count(*)} on nothing gives 0).
 * {@code keyOrder} compares key values so that groups are formed by the types' own equality.
 */
public record AggregateNode(PlanNode input, List<BoundExpr> groupKeys, List<SortKey> keyOrder,
                            List<AggregateCall> aggregates) implements PlanNode {

    public AggregateNode {
        groupKeys = List.copyOf(groupKeys);
        keyOrder = List.copyOf(keyOrder);
        aggregates = List.copyOf(aggregates);
    }

    @Override
    public int width() {
        return groupKeys.size() + aggregates.size();
    }
}
