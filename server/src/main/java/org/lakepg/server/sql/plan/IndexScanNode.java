package org.lakepg.server.sql.plan;

import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * The rows of a table whose single-column index key equals {@code key} (evaluated once), fetched
 * through the index; the caller keeps the full condition above it as a re-check. {@code alias} as
 * in {@link SeqScanNode}.
 */
public record IndexScanNode(TableInfo table, IndexInfo index, BoundExpr key, boolean withTid, String alias)
        implements PlanNode {

    public IndexScanNode(TableInfo table, IndexInfo index, BoundExpr key, boolean withTid) {
        this(table, index, key, withTid, null);
    }

    @Override
    public int width() {
        return table.columns().size() + (withTid ? 1 : 0);
    }
}
