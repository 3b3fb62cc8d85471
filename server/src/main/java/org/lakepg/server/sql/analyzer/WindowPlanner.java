package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.SortKey;
import org.lakepg.server.sql.plan.WindowAggNode;
import org.lakepg.server.sql.plan.WindowCall;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.WindowRef;

/**
 * Puts one WindowAgg per distinct window above the query's (grouped) rows and points the select
 * list's window references at the columns those nodes add.
 */
final class WindowPlanner {
    private final QueryAnalyzer queries;

    WindowPlanner(QueryAnalyzer queries) {
        this.queries = queries;
    }

    /**
     * @param grouping rewrites expressions over the GROUP BY output; null in an ungrouped query
     * @param projected the select list, whose window references are replaced in place
     */
    PlanNode plan(PlanNode plan, WindowCollector windows, GroupingRewriter grouping, List<BoundExpr> projected) {
        int[] position = new int[windows.calls().size()];
        List<Integer> order = WindowOrder.of(windows.windows(), grouping);
        for (int w : order) {
            WindowCollector.Window window = windows.windows().get(w);
            List<BoundExpr> keys = new ArrayList<>();
            List<SortKey> sortKeys = new ArrayList<>();
            for (BoundExpr p : window.partition()) {
                BoundExpr key = grouping == null ? p : grouping.rewrite(p);
                sortKeys.add(queries.sortKey(keys.size(), key.type(), false, false, -1));
                keys.add(key);
            }
            for (WindowCollector.Order o : window.order()) {
                BoundExpr key = grouping == null ? o.expr() : grouping.rewrite(o.expr());
                sortKeys.add(queries.sortKey(keys.size(), key.type(), o.descending(), o.nullsFirst(), o.location()));
                keys.add(key);
            }
            List<WindowCall> calls = new ArrayList<>();
            for (int c = 0; c < windows.calls().size(); c++) {
                if (windows.windowOf(c) != w) {
                    continue;
                }
                WindowCall call = windows.calls().get(c);
                if (grouping != null) {
                    call = new WindowCall(call.name(), call.source(),
                            call.arguments().stream().map(grouping::rewrite).toList(),
                            call.aggregate() == null ? null : grouping.rewrite(call.aggregate()), call.type());
                }
                position[c] = plan.width() + calls.size();
                calls.add(call);
            }
            boolean top = w == order.get(order.size() - 1);
            plan = new WindowAggNode(plan, window.name(), keys, window.partition().size(), sortKeys,
                    window.frameOptions(), window.startOffset(), window.endOffset(), window.inRange(), calls, null, top,
                    !keys.isEmpty() && WindowAggNode.presortedKeys(keys, sortKeys, plan) == keys.size());
        }
        projected.replaceAll(e -> ExprRewriter.map(e, x -> x instanceof WindowRef r
                ? new InputRef(position[r.index()], r.type(), r.typmod(), null) : x));
        return plan;
    }
}
