package org.lakepg.server.sql.plan;

import java.util.List;

/**
 * WITH RECURSIVE's body: the non-recursive term's rows, then the recursive term run again and again
 * over the rows of the previous round (working table {@code workTableId}) until a round gives none.
 * With UNION (not ALL) rows equal by {@code keys} to an earlier one are dropped, which also stops cycles.
 */
public record RecursiveUnionNode(PlanNode nonRecursive, PlanNode recursive, int workTableId, boolean all,
                                 List<SortKey> keys) implements PlanNode {

    public RecursiveUnionNode {
        keys = List.copyOf(keys);
    }

    @Override
    public int width() {
        return nonRecursive.width();
    }
}
