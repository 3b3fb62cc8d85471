package org.lakepg.server.sql.plan;

import org.lakepg.server.table.TableInfo;

/**
 * Every row of a table visible to the statement's snapshot; with {@code withTid} each row ends
 * with its tuple id (for UPDATE and DELETE). {@code alias} is the name the query gave the table
 * (null when none), for EXPLAIN.
 */
public record SeqScanNode(TableInfo table, boolean withTid, String alias) implements PlanNode {

    public SeqScanNode(TableInfo table, boolean withTid) {
        this(table, withTid, null);
    }

    @Override
    public int width() {
        return table.columns().size() + (withTid ? 1 : 0);
    }
}
