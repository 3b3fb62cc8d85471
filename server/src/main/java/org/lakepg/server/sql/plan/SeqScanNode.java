package org.lakepg.server.sql.plan;

import org.lakepg.server.table.TableInfo;

/**
 * Every row of a table visible to the statement's snapshot; with {@code withTid} each row ends
 * with its tuple id (for UPDATE and DELETE).
 */
public record SeqScanNode(TableInfo table, boolean withTid) implements PlanNode {

    @Override
    public int width() {
        return table.columns().size() + (withTid ? 1 : 0);
    }
}
