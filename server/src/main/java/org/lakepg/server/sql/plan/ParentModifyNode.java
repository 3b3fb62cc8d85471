package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.table.TableInfo;

/**
 * UPDATE or DELETE of a table with inheritance children or partitions (one modification per member table, run in
 * turn, their RETURNING rows appended), or INSERT into a partitioned table (its one routed insert). The statement-level triggers, and their transition tables, are those of
 * {@code table}, the table the statement names, as in PostgreSQL; the members fire only their row triggers.
 */
public record ParentModifyNode(TableInfo table, ModifyNode.Kind kind, List<PlanNode> members, int width)
        implements PlanNode {

    public ParentModifyNode {
        members = List.copyOf(members);
    }
}
