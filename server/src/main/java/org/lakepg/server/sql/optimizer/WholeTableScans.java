package org.lakepg.server.sql.optimizer;

import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.SeqScanNode;

/**
 * A pulled-up subquery's or set operation member's scan of a whole table, seen again as the sequential scan it
 * stands for: IndexOnlyScans may already have made it a whole-index scan (when that was cheaper, or sequential
 * scans are disabled), and conditions pushed down from the outer query must choose the table's access path anew,
 * as PostgreSQL plans the pulled-up relation with all its quals at once.
 */
public final class WholeTableScans {
    private WholeTableScans() {}

    /** The sequential scan a whole-index scan reads the table as; any other plan as it is. */
    public static PlanNode asSeqScan(PlanNode plan) {
        if (plan instanceof IndexScanNode s && s.indexOnly() && s.conditions().isEmpty() && s.key() == null
                && !s.bitmap() && !s.withTid() && !s.backward()) {
            return new SeqScanNode(s.table(), false, s.alias());
        }
        return plan;
    }
}
