package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.index.IndexCondition;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.table.IndexInfo;

/**
 * The index paths of a filtered table scan (PostgreSQL's build_index_paths): for each plain B-tree index whose
 * leading key column a condition restricts, an index scan and a bitmap scan under every condition the index can
 * answer, in index column order. The caller prices them against the sequential scan.
 */
final class IndexPaths {
    private IndexPaths() {}

    static List<IndexScanNode> of(SeqScanNode scan, List<BoundExpr> conjuncts, List<IndexInfo> indexes,
                                  CostSettings settings) {
        List<IndexScanNode> out = new ArrayList<>();
        if (scan.withTid() || scan.table().columns().isEmpty()) {
            return out;
        }
        for (IndexInfo index : indexes) {
            List<Object[]> matched = new ArrayList<>();
            boolean leading = false;
            for (BoundExpr c : conjuncts) {
                Optional<IndexCondition> condition = IndexCondition.of(c, index, scan.table());
                if (condition.isPresent()) {
                    matched.add(new Object[] {condition.get().position(), c});
                    leading |= condition.get().position() == 0;
                }
            }
            if (!leading) {
                continue;
            }
            matched.sort(Comparator.comparingInt(o -> (Integer) o[0]));
            List<BoundExpr> conditions = matched.stream().map(o -> (BoundExpr) o[1]).toList();
            out.add(IndexScanNode.ordered(scan.table(), index, conditions, false, false, scan.alias()));
            if (settings.bitmapScan()) {
                out.add(IndexScanNode.bitmap(scan.table(), index, conditions, scan.alias()));
            }
        }
        return out;
    }
}
