package org.lakepg.server.sql.plan;

import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * The rows of {@code input} whose column {@code keyColumn} equals {@code key}, found in a hash table
 * built from the input once per statement: the inner side of a hash join, or of a correlated
 * subquery, where {@code key} is the outer row's value (an OuterParam) evaluated on every open.
 * Only used for types whose equality is value identity (integers, text, bool, oid).
 */
public record HashLookupNode(PlanNode input, int keyColumn, BoundExpr key) implements PlanNode {

    @Override
    public int width() {
        return input.width();
    }
}
