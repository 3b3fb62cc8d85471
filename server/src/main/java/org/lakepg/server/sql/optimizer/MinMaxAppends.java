package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.AggregateCall;
import org.lakepg.server.sql.plan.AggregateNode;
import org.lakepg.server.sql.plan.AppendNode;
import org.lakepg.server.sql.plan.LimitNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.ResultNode;
import org.lakepg.server.sql.plan.SortKey;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.NullTest;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/**
 * planagg.c over an append relation (a UNION ALL, an inheritance scan): min()/max() of a column of all the members is
 * the first non-null value of a Merge Append of the members in the column's order — {@code Limit -> Merge Append} whose
 * members read their indexes in order under {@code x IS NOT NULL} — run once as an InitPlan, when that costs less than
 * aggregating every row.
 */
public final class MinMaxAppends {
    private MinMaxAppends() {}

    /** How the query orders a column of a type: its B-tree comparison, ascending or descending (NULLs as PostgreSQL). */
    public interface Ordering {
        SortKey key(int column, long type, boolean descending);
    }

    /** The aggregation as a Result of one first-value subquery per aggregate, or null when it does not qualify. */
    public static PlanNode plan(AggregateNode aggregate, Ordering ordering, PlannerContext planner) {
        if (!aggregate.groupKeys().isEmpty() || !aggregate.groupingSets().isEmpty() || aggregate.aggregates().isEmpty()
                || planner == null) {
            return null;
        }
        PlanNode p = aggregate.input();
        while (p instanceof ProjectNode x) {
            p = x.input();
        }
        if (!(p instanceof AppendNode)) {
            return null;
        }
        CostModel costs = new CostModel(planner);
        List<BoundExpr> subqueries = new ArrayList<>();
        double total = 0;
        for (AggregateCall call : aggregate.aggregates()) {
            InputRef column = minMaxColumn(call);
            if (column == null) {
                return null;
            }
            boolean max = call.name().equals("max");
            SortKey key = ordering.key(column.index(), column.type(), max);
            PlanNode merged = MergeAppends.firstValues(aggregate.input(), new NullTest(column, true), key,
                    subqueries.size(), planner);
            if (merged == null) {
                return null;
            }
            PlanNode first = new ProjectNode(new LimitNode(merged, null, new Const(TypeOids.INT8, -1, 1L)),
                    List.of(column));
            total += costs.estimate(first).total();
            subqueries.add(new SubqueryExpr(SubqueryExpr.Kind.SCALAR, first, null, null, call.resultType(), List.of()));
        }
        if (total >= costs.estimate(aggregate).total()) {
            return null;
        }
        return new ProjectNode(new ResultNode(), subqueries);
    }

    /** The input column a built-in min()/max() of one plain, orderable argument reads, or null. */
    private static InputRef minMaxColumn(AggregateCall call) {
        if (!(MinMaxAggregates.plainMinMaxArgument(call) instanceof InputRef in)) {
            return null;
        }
        long type = in.type();
        return org.lakepg.server.table.IndexKeys.indexable(type) && type != TypeOids.BOOL
                && org.lakepg.server.catalog.types.UserTypeRegistry.find(type) == null ? in : null;
    }
}
