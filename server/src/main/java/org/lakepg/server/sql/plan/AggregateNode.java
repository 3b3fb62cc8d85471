package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * GROUP BY: output rows are the group keys followed by the aggregate results. Without keys there
 * is exactly one group, even over no rows ({@code select count(*)} on nothing gives 0).
 * {@code keyOrder} compares key values so that groups are formed by the types' own equality; a key it leaves out
 * (a column a primary key in the keys determines) is not compared and keeps its group's first value.
 *
 * <p>With GROUPING SETS / ROLLUP / CUBE, {@code groupingSets} lists, per set, the indexes of the keys it groups by;
 * the rows of every set are output in turn, the keys outside the set NULL, followed by one more column: the index of
 * the set (what GROUPING() is computed from). Empty for an ordinary GROUP BY.
 *
 * <p>{@code sorted}: PostgreSQL groups by sorting the input on the keys (Group / GroupAggregate over a Sort) rather
 * than hashing; it prices and prints so, while the executor forms the same groups either way.
 */
public record AggregateNode(PlanNode input, List<BoundExpr> groupKeys, List<SortKey> keyOrder,
                            List<AggregateCall> aggregates, List<List<Integer>> groupingSets, boolean sorted)
        implements PlanNode {

    public AggregateNode {
        groupKeys = List.copyOf(groupKeys);
        keyOrder = List.copyOf(keyOrder);
        aggregates = List.copyOf(aggregates);
        groupingSets = groupingSets.stream().map(List::copyOf).toList();
    }

    public AggregateNode(PlanNode input, List<BoundExpr> groupKeys, List<SortKey> keyOrder,
                         List<AggregateCall> aggregates, List<List<Integer>> groupingSets) {
        this(input, groupKeys, keyOrder, aggregates, groupingSets, false);
    }

    public AggregateNode(PlanNode input, List<BoundExpr> groupKeys, List<SortKey> keyOrder,
                         List<AggregateCall> aggregates) {
        this(input, groupKeys, keyOrder, aggregates, List.of());
    }

    /** The same grouping over another input plan. */
    public AggregateNode withInput(PlanNode newInput) {
        return new AggregateNode(newInput, groupKeys, keyOrder, aggregates, groupingSets, sorted);
    }

    /** The same grouping, by sorting or by hashing. */
    public AggregateNode withSorted(boolean bySorting) {
        return new AggregateNode(input, groupKeys, keyOrder, aggregates, groupingSets, bySorting);
    }

    /** The column holding the grouping set's index, or -1 without grouping sets. */
    public int groupingSetColumn() {
        return groupingSets.isEmpty() ? -1 : groupKeys.size() + aggregates.size();
    }

    @Override
    public int width() {
        return groupKeys.size() + aggregates.size() + (groupingSets.isEmpty() ? 0 : 1);
    }
}
