package org.lakepg.server.sql.optimizer;

import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.expr.OuterParam;

/**
 * The inner side of a nested loop that is an index scan keyed by the outer row (PostgreSQL's parameterized index
 * path): JoinMethods' one-column equality probe or a ParameterizedIndexScans condition scan, optionally filtered.
 */
final class ParameterizedInner {
    private ParameterizedInner() {}

    /** The index scan of such an inner side, else null. */
    static IndexScanNode indexScan(PlanNode inner) {
        PlanNode scan = inner instanceof FilterNode f ? f.input() : inner;
        if (scan instanceof IndexScanNode s && s.probe()) {
            return org.lakepg.server.sql.analyzer.ExprRewriter.any(s.key(), x -> x instanceof OuterParam) ? s : null;
        }
        return ParameterizedIndexScans.scan(inner);
    }
}
