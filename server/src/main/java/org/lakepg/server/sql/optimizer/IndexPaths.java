package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.lakepg.server.index.IndexCondition;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * The index paths of a filtered table scan (PostgreSQL's build_index_paths): for each plain B-tree index whose
 * leading key column a condition restricts, an index scan and a bitmap scan under every condition the index can
 * answer, in index column order. The caller prices them against the sequential scan.
 */
final class IndexPaths {
    private IndexPaths() {}

    /**
     * A table's conditions split for one index: those it answers ({@code indexed}, in key column order, as
     * PostgreSQL lists an Index Cond) and the rest; {@code equal} are the key positions an equality fixes.
     */
    record Split(List<BoundExpr> indexed, List<BoundExpr> rest, BitSet restricted, BitSet equal) {
        boolean leading() {
            return restricted.get(0);
        }
    }

    static Split split(TableInfo table, IndexInfo index, List<BoundExpr> conjuncts) {
        List<Object[]> matched = new ArrayList<>();
        List<BoundExpr> rest = new ArrayList<>();
        BitSet restricted = new BitSet();
        BitSet equal = new BitSet();
        for (BoundExpr c : conjuncts) {
            Optional<IndexCondition> condition = IndexCondition.of(c, index, table);
            if (condition.isEmpty()) {
                rest.add(c);
                continue;
            }
            matched.add(new Object[] {condition.get().position(), c});
            restricted.set(condition.get().position());
            if (condition.get().operator() == IndexCondition.Operator.EQ) {
                equal.set(condition.get().position());
            }
        }
        matched.sort(Comparator.comparingInt(o -> (Integer) o[0]));
        return new Split(matched.stream().map(o -> (BoundExpr) o[1]).toList(), rest, restricted, equal);
    }

    static List<IndexScanNode> of(SeqScanNode scan, List<BoundExpr> conjuncts, List<IndexInfo> indexes,
                                  CostSettings settings) {
        List<IndexScanNode> out = new ArrayList<>();
        if (scan.withTid() || scan.table().columns().isEmpty()) {
            return out;
        }
        for (IndexInfo index : indexes) {
            if (!index.expressions().isEmpty()
                    || index.partial() && !IndexMatching.predicateImplied(scan.table(), index, conjuncts)) {
                continue; // a partial index holds the rows of its predicate only (check_index_predicates)
            }
            Split split = split(scan.table(), index, conjuncts);
            if (!split.leading()) {
                continue;
            }
            out.add(IndexScanNode.ordered(scan.table(), index, split.indexed(), false, false, scan.alias()));
            if (settings.bitmapScan()) {
                // the heap scan re-checks the predicate's terms too, so the filter need not (create_bitmap_subplan)
                List<BoundExpr> recheck = new ArrayList<>(split.indexed());
                for (BoundExpr c : IndexMatching.impliedByPredicate(scan.table(), index, split.rest())) {
                    recheck.add(c);
                }
                out.add(IndexScanNode.bitmap(scan.table(), index, recheck, scan.alias()));
            }
        }
        return out;
    }
}
