package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;

/**
 * The order the WindowAgg nodes of a query run in, as PostgreSQL's select_active_windows sorts the windows
 * (common_prefix_cmp): by their partition-then-order keys, a higher sort-group reference first, at equal keys a
 * descending sort before an ascending one and NULLS FIRST before NULLS LAST, a longer key list before its prefix.
 * The last window's sort is the order rows come out in when the query has no ORDER BY.
 */
final class WindowOrder {
    private WindowOrder() {}

    /** One key of a window: the expression's sort-group reference, DESC, NULLS FIRST. */
    private record Key(int reference, boolean descending, boolean nullsFirst) {}

    /**
     * The windows' indexes in running order. Sort-group references are numbered as PostgreSQL assigns them: GROUP BY
     * keys first (over the grouped rows a key is the group column it reads), then expressions as the windows name them.
     */
    static List<Integer> of(List<WindowCollector.Window> windows, GroupingRewriter grouping) {
        Map<BoundExpr, Integer> references = new HashMap<>();
        List<List<Key>> keys = new ArrayList<>();
        int groupColumns = 0;
        if (grouping != null) {
            for (WindowCollector.Window w : windows) {
                for (BoundExpr e : expressions(w)) {
                    if (grouping.rewrite(e) instanceof InputRef r) {
                        groupColumns = Math.max(groupColumns, r.index() + 1);
                    }
                }
            }
        }
        int next = groupColumns + 1;
        for (WindowCollector.Window w : windows) {
            // transformWindowDefinitions transforms a window's ORDER BY before its PARTITION BY
            List<BoundExpr> numbering = new ArrayList<>();
            w.order().forEach(o -> numbering.add(o.expr()));
            numbering.addAll(w.partition());
            for (BoundExpr e : numbering) {
                if (!references.containsKey(e)) {
                    BoundExpr grouped = grouping == null ? null : grouping.rewrite(e);
                    references.put(e, grouped instanceof InputRef r ? r.index() + 1 : next++);
                }
            }
        }
        for (WindowCollector.Window w : windows) {
            List<Key> list = new ArrayList<>();
            List<Integer> seen = new ArrayList<>();
            for (int i = 0; i < w.partition().size() + w.order().size(); i++) {
                boolean partition = i < w.partition().size();
                BoundExpr e = partition ? w.partition().get(i) : w.order().get(i - w.partition().size()).expr();
                int reference = references.get(e);
                if (seen.contains(reference)) {
                    continue; // a key listed twice sorts once
                }
                seen.add(reference);
                WindowCollector.Order o = partition ? null : w.order().get(i - w.partition().size());
                list.add(new Key(reference, o != null && o.descending(), o != null && o.nullsFirst()));
            }
            keys.add(list);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> compare(keys.get(a), keys.get(b)));
        return order;
    }

    private static List<BoundExpr> expressions(WindowCollector.Window w) {
        List<BoundExpr> out = new ArrayList<>(w.partition());
        w.order().forEach(o -> out.add(o.expr()));
        return out;
    }

    private static int compare(List<Key> a, List<Key> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Key x = a.get(i);
            Key y = b.get(i);
            if (x.reference() != y.reference()) {
                return Integer.compare(y.reference(), x.reference());
            }
            if (x.descending() != y.descending()) {
                return x.descending() ? -1 : 1; // the ">" operator's OID is the higher one
            }
            if (x.nullsFirst() != y.nullsFirst()) {
                return x.nullsFirst() ? -1 : 1;
            }
        }
        return Integer.compare(b.size(), a.size());
    }
}
