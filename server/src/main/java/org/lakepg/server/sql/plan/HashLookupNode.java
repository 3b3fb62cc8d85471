package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * The rows of {@code input} whose columns {@code keyColumns} equal {@code keys} (pairwise), found in a hash table
 * built from the input once per statement: the inner side of a hash join, or of a correlated subquery, where each
 * key is an outer row's value (an OuterParam) evaluated on every open. A hash join hashes on all its hashable
 * equalities at once, as PostgreSQL's hash clauses. Only used for types whose equality is value identity
 * (integers, text, bool, oid).
 */
public record HashLookupNode(PlanNode input, List<Integer> keyColumns, List<BoundExpr> keys) implements PlanNode {

    public HashLookupNode {
        keyColumns = List.copyOf(keyColumns);
        keys = List.copyOf(keys);
        if (keyColumns.isEmpty() || keyColumns.size() != keys.size()) {
            throw new IllegalArgumentException("a hash lookup needs one value per key column");
        }
    }

    /** A lookup on one column. */
    public HashLookupNode(PlanNode input, int keyColumn, BoundExpr key) {
        this(input, List.of(keyColumn), List.of(key));
    }

    /** The same keys over another input (with the same columns). */
    public HashLookupNode withInput(PlanNode newInput) {
        return new HashLookupNode(newInput, keyColumns, keys);
    }

    @Override
    public int width() {
        return input.width();
    }
}
