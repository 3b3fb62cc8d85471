package org.lakepg.server.sql.optimizer;

import org.lakepg.server.sql.plan.AggregateNode;

/**
 * add_paths_to_grouping_rel's choice for a GROUP BY without ORDER BY: grouping the rows sorted on the keys (Group, or
 * GroupAggregate with aggregates) or hashing them (HashAggregate). As for DISTINCT ({@link DistinctStrategy}), add_path
 * keeps the sorted path unless hashing costs fuzzily less, its ordered output being worth as much: two rows are sorted.
 */
public final class GroupStrategy {
    private GroupStrategy() {}

    /**
     * Whether PostgreSQL sorts for the grouping. Only decided for inputs without joins: their order and estimates are
     * settled later, so those keep hashing; grouping sets keep theirs.
     */
    public static boolean sorted(AggregateNode grouping, PlannerContext planner) {
        if (planner == null || grouping.groupKeys().isEmpty() || !grouping.groupingSets().isEmpty()
                || DistinctStrategy.joins(grouping.input())) {
            return false;
        }
        CostModel costs = new CostModel(planner);
        PlanEstimate sorted = costs.estimate(grouping.withSorted(true));
        PlanEstimate hashed = costs.estimate(grouping.withSorted(false));
        return DistinctStrategy.sorted(sorted.startup(), sorted.total(), hashed.startup(), hashed.total());
    }
}
