package org.lakepg.server.sql.plan;

import java.util.List;

/** UNION / INTERSECT / EXCEPT [ALL] by the types' equality on all columns. */
public record SetOpNode(Kind kind, boolean all, PlanNode left, PlanNode right, List<SortKey> keys) implements PlanNode {

    public enum Kind { UNION, INTERSECT, EXCEPT }

    public SetOpNode {
        keys = List.copyOf(keys);
    }

    @Override
    public int width() {
        return left.width();
    }
}
