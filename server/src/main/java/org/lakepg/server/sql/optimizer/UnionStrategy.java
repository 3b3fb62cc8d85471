package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.plan.AppendNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.SetOpNode;

/**
 * Whether PostgreSQL removes a UNION's duplicates by hashing or by sorting (prepunion.c's make_union_unique and
 * choose_hashed_setop): it assumes every input row is a group of its own and compares a hashed aggregation with a
 * sort followed by a grouping pass over the appended inputs, total costs (cost_agg, cost_sort, cost_group). Hashing
 * wins from three rows on; two rows sort cheaper. lakepg counts the rows in sorted order either way, so the choice
 * only shows in EXPLAIN.
 */
public final class UnionStrategy {
    /** hash_mem: work_mem (4MB) times hash_mem_multiplier (2), in bytes. */
    private static final double HASH_MEM_BYTES = 8.0 * 1024 * 1024;
    /** SizeofMinimalTupleHeader, MAXALIGNed. */
    private static final int MINIMAL_TUPLE_HEADER = 16;

    private UnionStrategy() {}

    /**
     * The queries a UNION appends: a UNION [ALL] under it is one with it (recurse_union_children flattens a child of
     * the same kind whose duplicates may go, unless its columns are converted first).
     */
    public static List<PlanNode> members(SetOpNode union) {
        List<PlanNode> out = new ArrayList<>();
        for (PlanNode side : List.of(union.left(), union.right())) {
            switch (side) {
                case SetOpNode s when s.kind() == SetOpNode.Kind.UNION -> out.addAll(members(s));
                case AppendNode a -> out.addAll(a.inputs());
                default -> out.add(side);
            }
        }
        return out;
    }

    /** Whether a hashable UNION of the appended queries is hashed when hashing is enabled. */
    public static boolean hashed(AppendNode union, CostModel costs) {
        PlanEstimate input = costs.estimate(union);
        double rows = 0;
        for (PlanNode member : union.inputs()) {
            rows += clamp(costs.estimate(member).rows()); // each path's estimate is at least one row
        }
        int columns = union.width();
        if ((align(input.width()) + MINIMAL_TUPLE_HEADER) * rows > HASH_MEM_BYTES) {
            return false;
        }
        CostSettings settings = costs.settings();
        double cpuOp = settings.cpuOperatorCost();
        double hashedTotal = input.total() + cpuOp * columns * rows + settings.cpuTupleCost() * rows;
        double sorted = Math.max(2, rows);
        double sortedTotal = input.total() + 2 * cpuOp * sorted * (Math.log(sorted) / Math.log(2)) + cpuOp * sorted
                + cpuOp * rows * columns + (settings.sort() ? 0 : CostSettings.DISABLE_COST);
        return hashedTotal < sortedTotal;
    }

    /** clamp_row_est: a whole number of rows, at least one. */
    private static double clamp(double rows) {
        return rows <= 1 ? 1 : Math.rint(rows);
    }

    private static int align(int width) {
        return (width + 7) & ~7;
    }
}
