package org.lakepg.server.sql.plan;

import java.util.List;

/** Drops rows equal (by the types' btree equality on the first {@code keys.size()} columns) to an earlier one. */
public record DistinctNode(PlanNode input, List<SortKey> keys) implements PlanNode {

    public DistinctNode {
        keys = List.copyOf(keys);
    }

    @Override
    public int width() {
        return input.width();
    }
}
