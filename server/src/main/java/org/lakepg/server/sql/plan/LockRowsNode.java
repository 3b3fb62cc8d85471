package org.lakepg.server.sql.plan;

import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.LockMode;
import org.lakepg.server.txn.WaitPolicy;

/**
 * SELECT ... FOR UPDATE/SHARE (PostgreSQL's LockRows): each row of {@code input} carries the tid of the table row it
 * came from at {@code tidColumn}; the row is locked in {@code mode} before it is returned, without that column (its
 * last) unless {@code keepRow} (a join's row, where each locked table's tid sits after its columns). Rows deleted or
 * updated by a transaction that committed meanwhile are left out.
 */
public record LockRowsNode(PlanNode input, TableInfo table, int tidColumn, LockMode mode, WaitPolicy policy,
                           boolean keepRow, int tableOidColumn, java.util.List<TableInfo> members) implements PlanNode {

    public LockRowsNode(PlanNode input, TableInfo table, int tidColumn, LockMode mode, WaitPolicy policy) {
        this(input, table, tidColumn, mode, policy, false, -1, java.util.List.of());
    }

    /**
     * Rows of an inheritance tree: {@code tableOidColumn} says which of {@code members} each row comes from (the
     * row's table is locked, not {@code table}); -1 when all rows are {@code table}'s.
     */
    public LockRowsNode {
        members = java.util.List.copyOf(members);
    }

    @Override
    public int width() {
        return keepRow ? input.width() : tidColumn;
    }
}
