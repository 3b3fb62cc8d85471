package org.lakepg.server.exec.explain;

import java.util.List;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SortKey;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.table.IndexInfo;

/**
 * A Sort whose input already arrives in its order: an ordered B-tree scan whose leading key columns are the sort
 * keys, in the same direction (or all reversed, for a backward scan). PostgreSQL's presorted path has no Sort above
 * it (pathkeys_contained_in), so EXPLAIN shows the scan alone; lakepg's sort of sorted rows changes nothing.
 */
final class PresortedInputs {
    private PresortedInputs() {}

    static boolean presorted(SortNode sort) {
        List<SortKey> keys = sort.keys();
        if (keys.isEmpty()) {
            return false;
        }
        int[] columns = new int[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            columns[k] = keys.get(k).column();
        }
        PlanNode p = sort.input();
        while (true) {
            if (p instanceof FilterNode f) {
                p = f.input();
            } else if (p instanceof ProjectNode x) {
                for (int k = 0; k < columns.length; k++) {
                    if (columns[k] >= x.expressions().size() || !(x.expressions().get(columns[k]) instanceof InputRef in)) {
                        return false;
                    }
                    columns[k] = in.index();
                }
                p = x.input();
            } else {
                break;
            }
        }
        if (!(p instanceof IndexScanNode s) || s.probe() || s.bitmap() || s.withTid()
                || !IndexInfo.BTREE.equals(s.index().method()) || !s.index().expressions().isEmpty()
                || s.index().columns().size() < keys.size()) {
            return false;
        }
        for (int k = 0; k < keys.size(); k++) {
            SortKey key = keys.get(k);
            short option = s.index().option(k);
            boolean descending = ((option & IndexInfo.DESC) != 0) != s.backward();
            boolean nullsFirst = ((option & IndexInfo.NULLS_FIRST) != 0) != s.backward();
            if (s.index().columns().get(k) != columns[k] + 1 || key.descending() != descending
                    || key.nullsFirst() != nullsFirst) {
                return false;
            }
        }
        return true;
    }
}
