package org.lakepg.server.sql.plan;

import java.util.List;

/**
 * UNION / INTERSECT / EXCEPT [ALL] by the types' equality on all columns; {@code columns} are the result's
 * columns (named after the left side's, as EXPLAIN names a sorted set operation's keys).
 */
public record SetOpNode(Kind kind, boolean all, PlanNode left, PlanNode right, List<SortKey> keys,
                        List<OutputColumn> columns) implements PlanNode {

    public enum Kind { UNION, INTERSECT, EXCEPT }

    public SetOpNode {
        keys = List.copyOf(keys);
        columns = List.copyOf(columns);
    }

    @Override
    public int width() {
        return left.width();
    }
}
