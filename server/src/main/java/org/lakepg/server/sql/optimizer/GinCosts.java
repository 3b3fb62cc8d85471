package org.lakepg.server.sql.optimizer;

import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;

/**
 * The index part of a bitmap scan of a GIN index, after gincostestimate: each entry the conditions search for costs a
 * descent of the entry tree (pages^0.15 random reads, as PostgreSQL counts them) and an operator call; each tuple id
 * found costs cpu_index_tuple_cost. The size of the whole index hardly matters, so two GIN indexes answering the same
 * conditions cost about the same (PostgreSQL then keeps the newest one).
 */
final class GinCosts {
    private GinCosts() {}

    static double indexCost(IndexScanNode s, double fetched, double indexPages, CostSettings settings) {
        double entries = 0;
        for (BoundExpr condition : s.conditions()) {
            entries += searchEntries(condition);
        }
        double descent = Math.ceil(Math.pow(Math.max(1, indexPages), 0.15));
        return settings.randomPageCost() * Math.max(1, entries) * descent
                + settings.cpuOperatorCost() * Math.max(1, entries) + settings.cpuIndexTupleCost() * fetched;
    }

    /** How many entries a condition looks up: the elements of a constant array, else one. */
    private static double searchEntries(BoundExpr condition) {
        var gin = condition instanceof org.lakepg.server.sql.plan.expr.FuncExpr f && f.arguments().size() == 2
                ? f.arguments().get(1) : null;
        if (gin instanceof Const c && c.value() instanceof org.lakepg.wire.types.PgArray a) {
            return Math.max(1, a.elements().length);
        }
        if (gin instanceof org.lakepg.server.sql.plan.expr.ArrayExpr a) {
            return Math.max(1, a.elements().size());
        }
        return 1;
    }
}
