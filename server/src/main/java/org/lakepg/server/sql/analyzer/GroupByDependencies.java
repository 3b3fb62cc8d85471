package org.lakepg.server.sql.analyzer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.table.ConstraintInfo;

/**
 * GROUP BY keys that a table's primary key makes redundant (PostgreSQL's remove_useless_groupby_columns): when all
 * of a table's primary key columns are grouped by, its other grouped columns are equal within every group, so the
 * groups are formed by the key alone and those columns keep their group's value.
 */
final class GroupByDependencies {

    private GroupByDependencies() {
    }

    /** The indexes of the keys that need not be compared. */
    static Set<Integer> surplus(List<BoundExpr> groupKeys, FromScope scope, AnalyzerCatalog catalog) {
        // per FROM entry that is one table (or a partitioned one, whose key covers all its partitions): the
        // grouped columns by attnum, with the keys that group by them
        Map<FromScope.Entry, Map<Short, List<Integer>>> grouped = new HashMap<>();
        for (int k = 0; k < groupKeys.size(); k++) {
            if (!(groupKeys.get(k) instanceof InputRef ref)) {
                continue;
            }
            for (FromScope.Entry e : scope.entries()) {
                int column = ref.index() - e.offset();
                if (e.tableOid() != 0 && column >= 0 && column < e.columns().size()) {
                    grouped.computeIfAbsent(e, x -> new HashMap<>())
                            .computeIfAbsent(e.columns().get(column).columnNumber(), x -> new ArrayList<>()).add(k);
                }
            }
        }
        Set<Integer> surplus = new HashSet<>();
        for (var entry : grouped.entrySet()) {
            FromScope.Entry e = entry.getKey();
            Map<Short, List<Integer>> columns = entry.getValue();
            // an inheritance parent's key does not cover its children's rows
            if (columns.size() < 2 || e.tableOidColumn() && !catalog.inheritance().isPartitioned(e.tableOid())) {
                continue;
            }
            var table = catalog.tableByOid(e.tableOid());
            if (table.isEmpty()) {
                continue;
            }
            List<Short> primaryKey = catalog.constraints(table.get()).stream()
                    .filter(c -> c.type() == ConstraintInfo.PRIMARY_KEY && !c.deferrable())
                    .map(ConstraintInfo::columns).findFirst().orElse(null);
            if (primaryKey == null || !columns.keySet().containsAll(primaryKey)
                    || columns.size() == primaryKey.size()) {
                continue;
            }
            columns.forEach((attnum, keys) -> {
                if (!primaryKey.contains(attnum)) {
                    surplus.addAll(keys);
                }
            });
        }
        return surplus;
    }
}
