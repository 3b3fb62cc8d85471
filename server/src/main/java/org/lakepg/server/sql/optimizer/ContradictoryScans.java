package org.lakepg.server.sql.optimizer;

import java.util.List;
import java.util.function.Function;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;

/**
 * A one-table WHERE that holds a class of columns to two different constants ({@code p.k = 1 AND p.k = 2}): PostgreSQL
 * turns the class into one restriction per column with its first constant and a constant-false qual, so the scan
 * stays under a gating {@code Result / One-Time Filter: false} that never runs it.
 */
public final class ContradictoryScans {
    private ContradictoryScans() {}

    /** The scan planned by {@code scan} under the gate, or null when the WHERE is no such contradiction. */
    public static PlanNode gated(BoundExpr where, Function<BoundExpr, PlanNode> scan) {
        List<BoundExpr> conjuncts = Conjuncts.conjuncts(where);
        if (!EquivalenceConstants.contradictory(conjuncts)) {
            return null;
        }
        PlanNode restricted = scan.apply(Conjuncts.and(EquivalenceConstants.firstConstants(conjuncts)));
        return new FilterNode(restricted, new Const(TypeOids.BOOL, -1, false));
    }
}
