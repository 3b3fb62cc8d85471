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
 */
public record WindowAggNode(PlanNode input, String name, List<BoundExpr> keys, int partitionCount, List<SortKey> sortKeys,
                            int frameOptions, BoundExpr startOffset, BoundExpr endOffset, String inRange,
                            List<WindowCall> calls)
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
}
