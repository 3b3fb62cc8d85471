package org.lakepg.server.sql.optimizer;

import java.util.List;
import org.lakepg.server.sql.plan.AppendNode;
import org.lakepg.server.sql.plan.DistinctNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.PlanNodes;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SortKey;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/**
 * create_distinct_paths' choice for a SELECT DISTINCT without ORDER BY: Unique over a Sort or a HashAggregate. Both
 * paths reach add_path, which keeps the sorted one unless hashing costs fuzzily less (1%, STD_FUZZ_FACTOR) — its
 * ordered output is worth as much — so a small input after a costly scan (one aggregated row, a few VALUES) is sorted.
 */
public final class DistinctStrategy {
    private static final double FUZZ = 1.01;

    private DistinctStrategy() {}

    /**
     * Whether PostgreSQL sorts the rows of {@code input} for DISTINCT on {@code keys}. Only decided for inputs without
     * joins: their order and estimates are settled later, so those keep hashing.
     */
    public static boolean sorted(PlanNode input, List<SortKey> keys, PlannerContext planner) {
        if (planner == null || keys.isEmpty() || joins(input)) {
            return false;
        }
        CostModel costs = new CostModel(planner);
        PlanEstimate sorted = costs.estimate(new DistinctNode(new SortNode(input, keys), keys));
        PlanEstimate hashed = costs.estimate(new DistinctNode(input, keys));
        double initPlans = initPlans(input, costs);
        return sorted(sorted.startup() + initPlans, sorted.total() + initPlans, hashed.startup() + initPlans,
                hashed.total() + initPlans);
    }

    /**
     * What the uncorrelated subqueries of the input's select list cost: PostgreSQL charges its InitPlans to the paths
     * above them (SS_charge_for_initplans), so both paths carry them and the 1% fuzz grows with them.
     */
    private static double initPlans(PlanNode input, CostModel costs) {
        if (!(input instanceof ProjectNode x)) {
            return 0;
        }
        double total = 0;
        for (BoundExpr e : x.expressions()) {
            if (e instanceof SubqueryExpr q && !q.correlated()) {
                total += costs.estimate(q.plan()).total();
            }
        }
        return total;
    }

    /** add_path between the two, then set_cheapest when both survive (compare_path_costs_fuzzily). */
    static boolean sorted(double sortedStartup, double sortedTotal, double hashedStartup, double hashedTotal) {
        if (sortedTotal > hashedTotal * FUZZ) {
            return false; // hashing costs fuzzily less in total
        }
        if (hashedTotal > sortedTotal * FUZZ) {
            return true;
        }
        // totals fuzzily equal: the better ordering wins unless hashing starts fuzzily sooner, then the cheaper total
        return !(sortedStartup > hashedStartup * FUZZ) || sortedTotal <= hashedTotal;
    }

    static boolean joins(PlanNode p) {
        List<PlanNode> children = PlanNodes.children(p);
        if (children.size() > 1 && !(p instanceof AppendNode)) {
            return true;
        }
        return children.stream().anyMatch(DistinctStrategy::joins);
    }
}
