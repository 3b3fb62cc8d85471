package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.index.gin.GinCondition;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.table.IndexInfo;

/**
 * The paths of a filtered table scan through its GIN indexes: GIN has no ordered scan (amgettuple), so each index
 * with a condition it answers gives one bitmap scan under all of them (in key column order, as PostgreSQL lists an
 * Index Cond); the caller prices it against the other paths.
 */
final class GinPaths {
    private GinPaths() {}

    static List<IndexScanNode> of(SeqScanNode scan, List<BoundExpr> conjuncts, List<IndexInfo> indexes) {
        List<IndexScanNode> out = new ArrayList<>();
        if (scan.withTid() || scan.table().columns().isEmpty()) {
            return out;
        }
        // the newest index first: on equal costs PostgreSQL keeps the path of the index get_relation_info listed first
        List<IndexInfo> newestFirst = new ArrayList<>(indexes);
        newestFirst.sort(java.util.Comparator.comparingLong(IndexInfo::oid).reversed());
        for (IndexInfo index : newestFirst) {
            if (!index.gin()) {
                continue;
            }
            List<GinCondition.Matched> matched = new ArrayList<>(GinCondition.of(conjuncts, index, scan.table()));
            if (matched.isEmpty()) {
                continue;
            }
            matched.sort(java.util.Comparator.comparingInt(m -> m.condition().position()));
            out.add(IndexScanNode.bitmap(scan.table(), index, matched.stream().map(GinCondition.Matched::conjunct).toList(),
                    scan.alias()));
        }
        return out;
    }

    /** The indexes other than GIN ones (the B-tree paths' candidates). */
    static List<IndexInfo> withoutGin(List<IndexInfo> indexes) {
        return indexes.stream().anyMatch(IndexInfo::gin) ? indexes.stream().filter(i -> !i.gin()).toList() : indexes;
    }
}
