package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * Window functions over one window: the input rows sorted by {@code keys} (the PARTITION BY
 * expressions, then the ORDER BY ones; {@code sortKeys} index into those key values), split into
 * partitions, each call computed per row over its frame. Output rows are the input row followed by
 * one value per call, in window order. {@code frameOptions} are PostgreSQL's FRAMEOPTION bits; the
 * offsets (int8 for ROWS and GROUPS, the in_range function's offset type for RANGE, whose prosrc
 * {@code inRange} names) are evaluated once.
 *
 * <p>{@code runCondition} (or null) is PostgreSQL 15's WindowAgg run condition, over the output row: once it is false
 * for a row it stays false for the rest of the partition, so the node stops there (its rows are left out, or, below
 * another WindowAgg of the query level, passed on with NULL results). {@code topWindow}: the last WindowAgg of its
 * query level. {@code presorted}: the input already comes in this window's order (the WindowAgg below sorted by a
 * longer key list with this one as its prefix), so no Sort is needed.
 */
public record WindowAggNode(PlanNode input, String name, List<BoundExpr> keys, int partitionCount, List<SortKey> sortKeys,
                            int frameOptions, BoundExpr startOffset, BoundExpr endOffset, String inRange,
                            List<WindowCall> calls, BoundExpr runCondition, boolean topWindow, boolean presorted)
        implements PlanNode {

    public WindowAggNode {
        keys = List.copyOf(keys);
        sortKeys = List.copyOf(sortKeys);
        calls = List.copyOf(calls);
    }

    @Override
    public int width() {
        return input.width() + calls.size();
    }

    /**
     * How many leading keys of a window ({@code keys} and their {@code sortKeys}) the rows of {@code below} are
     * already sorted by: all of them and no Sort is needed; some, and PostgreSQL sorts incrementally.
     */
    public static int presortedKeys(List<BoundExpr> keys, List<SortKey> sortKeys, PlanNode input) {
        if (!(input instanceof WindowAggNode below)) {
            return 0;
        }
        if (below.presorted() || below.sortKeys().isEmpty()) {
            return presortedKeys(keys, sortKeys, below.input()); // its rows keep the order they came in
        }
        int n = 0;
        while (n < keys.size() && n < below.keys().size()) {
            SortKey mine = sortKeys.get(n);
            SortKey theirs = below.sortKeys().get(n);
            if (!keys.get(n).equals(below.keys().get(n)) || mine.descending() != theirs.descending()
                    || mine.nullsFirst() != theirs.nullsFirst()
                    || !java.util.Objects.equals(mine.comparisonSource(), theirs.comparisonSource())) {
                break;
            }
            n++;
        }
        return n;
    }

    /** The same window over another input (a qual pushed below it), sorting again unless that input is in order. */
    public WindowAggNode withInput(PlanNode newInput) {
        boolean inOrder = !keys.isEmpty() && presortedKeys(keys, sortKeys, newInput) == keys.size();
        return new WindowAggNode(newInput, name, keys, partitionCount, sortKeys, frameOptions, startOffset, endOffset,
                inRange, calls, runCondition, topWindow, inOrder);
    }

    /** The same window without the keys {@code constant} says are equal in every row (a pushed-down qual fixed them). */
    public WindowAggNode withoutConstantKeys(java.util.function.Predicate<BoundExpr> constant) {
        List<BoundExpr> newKeys = new java.util.ArrayList<>();
        List<SortKey> newSortKeys = new java.util.ArrayList<>();
        int newPartitionCount = 0;
        for (int i = 0; i < keys.size(); i++) {
            if (constant.test(keys.get(i))) {
                continue;
            }
            newSortKeys.add(sortKeys.get(i).withColumn(newKeys.size()));
            newKeys.add(keys.get(i));
            if (i < partitionCount) {
                newPartitionCount++;
            }
        }
        return new WindowAggNode(input, name, newKeys, newPartitionCount, newSortKeys, frameOptions, startOffset,
                endOffset, inRange, calls, runCondition, topWindow, presorted);
    }

    /** The same window with {@code condition} added (AND) to its run condition. */
    public WindowAggNode withRunCondition(BoundExpr condition) {
        BoundExpr combined = runCondition == null ? condition : new org.lakepg.server.sql.plan.expr.BoolExpr(
                org.lakepg.server.sql.plan.expr.BoolExpr.Kind.AND, List.of(runCondition, condition));
        return new WindowAggNode(input, name, keys, partitionCount, sortKeys, frameOptions, startOffset, endOffset,
                inRange, calls, combined, topWindow, presorted);
    }
}
