package org.lakepg.server.sql.optimizer;

import org.lakepg.server.sql.plan.CteScanNode;
import org.lakepg.server.sql.plan.FunctionScanNode;
import org.lakepg.server.sql.plan.HashLookupNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.WorkTableScanNode;

/**
 * Whether a nested loop reads its inner side through a Materialize. PostgreSQL's match_unsorted_outer offers the
 * nested loop both over the inner path and over a material path of it, and keeps the cheaper: materializing costs
 * 2 * cpu_operator_cost a row once (cost_material) but makes each rescan cost cpu_operator_cost a row instead of
 * the inner side's whole run (cost_rescan). So a single outer row never materializes, and many nearly always do.
 * Inputs that keep their output anyway (ExecMaterializesOutput: sorts, function and CTE scans) are not wrapped.
 */
public final class Materialization {
    private Materialization() {}

    /** Whether the join's inner side is materialized, given the estimates of its outer and inner sides. */
    public static boolean chosen(NestedLoopJoinNode j, PlanEstimate outer, PlanEstimate inner, CostSettings settings) {
        if (!j.lateral().isEmpty() || !settings.material() || materializesItself(j.right())) {
            return false;
        }
        if (j.kind() == NestedLoopJoinNode.Kind.LEFT && EmptyJoins.empty(j.right())) {
            return false; // a LEFT join's dummy nullable side (a constant-false ON) has nothing to keep
        }
        return cheaper(outer, inner, settings);
    }

    /** Whether rescanning from a material path costs less than running the inner side again per outer row. */
    static boolean cheaper(PlanEstimate outer, PlanEstimate inner, CostSettings settings) {
        double cpuOp = settings.cpuOperatorCost();
        double innerRun = inner.total() - inner.startup();
        double rescans = Math.max(0, outer.rows() - 1);
        double plain = rescans * (inner.startup() + innerRun);
        double material = 2 * cpuOp * inner.rows() + rescans * cpuOp * inner.rows();
        return material < plain;
    }

    private static boolean materializesItself(PlanNode p) {
        if (p instanceof org.lakepg.server.sql.plan.FilterNode f && (f.input() instanceof FunctionScanNode
                || f.input() instanceof CteScanNode || f.input() instanceof WorkTableScanNode)) {
            return true; // the scan's own qual (PostgreSQL keeps it in the scan node)
        }
        return p instanceof SortNode || p instanceof FunctionScanNode || p instanceof CteScanNode
                || p instanceof WorkTableScanNode || p instanceof HashLookupNode;
    }
}
