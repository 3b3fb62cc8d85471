package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * UPDATE of a partition (PostgreSQL's ExecUpdate with ExecPartitionCheck and row movement): a new row version that
 * still satisfies {@code condition} (the partition's bound and its ancestors') is an ordinary update; one that does
 * not moves, when the statement named a partitioned ancestor ({@code reroute} not null), by a delete here and an
 * insert routed from that ancestor; else it "violates partition constraint".
 *
 * @param toTarget the new row in the ancestor's column order, for {@code reroute}
 * @param fromTarget the moved row back in this partition's column order, for {@code update}'s RETURNING
 */
public record PartitionUpdateNode(ModifyNode update, BoundExpr condition, RoutedInsertNode reroute,
                                  List<BoundExpr> toTarget, List<BoundExpr> fromTarget) implements PlanNode {

    public PartitionUpdateNode {
        toTarget = List.copyOf(toTarget);
        fromTarget = List.copyOf(fromTarget);
    }

    @Override
    public int width() {
        return update.width();
    }
}
