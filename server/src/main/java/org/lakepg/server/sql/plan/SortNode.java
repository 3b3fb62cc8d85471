package org.lakepg.server.sql.plan;

import java.util.List;

/** Orders the input rows by the keys (a stable sort, so equal rows keep their input order). */
public record SortNode(PlanNode input, List<SortKey> keys) implements PlanNode {

    public SortNode {
        keys = List.copyOf(keys);
    }

    @Override
    public int width() {
        return input.width();
    }
}
