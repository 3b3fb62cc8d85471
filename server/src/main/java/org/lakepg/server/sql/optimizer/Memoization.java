package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.unwrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lakepg.server.sql.plan.FunctionScanNode;
import org.lakepg.server.sql.plan.HashLookupNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Correlation;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/**
 * PostgreSQL's Memoize above the LATERAL side of a nested loop: the side's rows are remembered by the outer values
 * it reads (the cache key, compared by their binary image), so an outer row whose values were seen before reuses
 * them instead of running the side again. Worth it by cost_memoize_rescan when the outer key has measured distinct
 * values fewer than the outer rows; only a side whose rows follow from the key alone (nothing volatile, no other
 * outer value, no writes) can be remembered.
 */
public final class Memoization {
    private Memoization() {}

    /** Whether the join's LATERAL side may be remembered by its parameters: its rows depend on nothing else. */
    public static boolean cacheable(NestedLoopJoinNode j) {
        if (j.lateral().isEmpty() || j.right() instanceof HashLookupNode) {
            return false;
        }
        Set<Integer> own = new java.util.HashSet<>();
        j.lateral().forEach(c -> own.add(c.id()));
        return !PlanExpressions.any(j.right(), e -> org.lakepg.server.sql.analyzer.ExprRewriter.any(e, x ->
                x instanceof OuterParam p && !own.contains(p.id()) || x instanceof FuncExpr f && f.volatility() == 'v'
                || x instanceof SubqueryExpr q && q.correlated()));
    }

    /** Whether the planner puts a Memoize above the join's LATERAL side (cost_memoize_rescan's hit ratio). */
    public static boolean chosen(NestedLoopJoinNode j, CostModel costs) {
        if (!costs.enabled("enable_memoize") || !(j.right() instanceof FunctionScanNode) || !cacheable(j)) {
            return false;
        }
        List<BoundExpr> keys = new ArrayList<>();
        for (Correlation c : j.lateral()) {
            if (!(unwrap(c.value()) instanceof InputRef in)) {
                return false;
            }
            ColumnEstimate column = costs.column(j.left(), in.index());
            if (column == null || column.distinctIsDefault()) {
                return false; // an unknown number of distinct keys: PostgreSQL assumes no repeats
            }
            keys.add(c.value());
        }
        double calls = costs.estimate(j.left()).rows();
        double distinct = costs.groups(j.left(), keys, calls);
        double inner = costs.estimate(j.right()).total();
        // each distinct key runs the side once; every call pays a lookup
        return distinct * inner + calls * costs.settings().cpuTupleCost() < calls * inner;
    }
}
