package org.lakepg.server.sql.plan;

import java.util.List;

/**
 * The recursive term's reference to its own WITH item: the rows the previous iteration produced, with the item's
 * column names (as the reference renames them). {@code nonRecursive} is the item's non-recursive term, only for
 * estimates (PostgreSQL sizes the work table at ten times its rows); it is not an input of this node.
 */
public record WorkTableScanNode(int workTableId, String cteName, String alias, List<String> columns,
                                PlanNode nonRecursive) implements PlanNode {

    public WorkTableScanNode {
        columns = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(columns));
    }

    @Override
    public int width() {
        return columns.size();
    }
}
