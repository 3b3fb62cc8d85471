package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.table.IndexInfo;

/**
 * Index-only scans (PostgreSQL's check_index_only): once the columns a query reads from a scan are known, an index
 * scan whose index stores all of them (key and INCLUDE columns) is an index-only scan, and a sequential scan that
 * reads only an index's columns becomes a scan of the whole index when the cost model prices that lower (the index
 * is smaller than the table and its pages are all-visible).
 */
final class IndexOnlyScans {
    private final PlannerContext planner;

    IndexOnlyScans(PlannerContext planner) {
        this.planner = planner;
    }

    /** The scan as it runs when only the {@code need} columns of its rows are read above it. */
    PlanNode scan(PlanNode scan, BitSet need) {
        if (!CostSettings.of(planner::setting).indexOnlyScan()) {
            return scan;
        }
        return switch (scan) {
            case IndexScanNode s when !s.withTid() && !s.indexOnly() && !s.bitmap() && IndexInfo.BTREE.equals(s.index().method())
                    && covered(s.index(), need, s.table().columns().size()) -> s.asIndexOnly(true);
            case IndexScanNode s when s.bitmap() && !s.withTid() -> {
                PlanNode better = reconsidered(s, new SeqScanNode(s.table(), false, s.alias()), s.conditions(), need);
                yield better == null ? s : better;
            }
            case SeqScanNode s -> {
                PlanNode wholeIndex = reconsidered(s, s, List.of(), need);
                yield wholeIndex == null ? s : wholeIndex;
            }
            default -> scan;
        };
    }

    /**
     * A filtered scan reconsidered once the columns read above it are known: an index-only scan of an index holding
     * those and the condition's columns, under the conditions it can answer, when that costs less.
     */
    PlanNode filtered(FilterNode filter, BitSet need) {
        if (!CostSettings.of(planner::setting).indexOnlyScan()) {
            return null;
        }
        List<BoundExpr> conjuncts = new ArrayList<>();
        SeqScanNode base = switch (filter.input()) {
            case SeqScanNode s -> s;
            case IndexScanNode s when !s.probe() && !s.indexOnly() -> {
                conjuncts.addAll(s.conditions());
                yield new SeqScanNode(s.table(), s.withTid(), s.alias());
            }
            default -> null;
        };
        if (base == null) {
            return null;
        }
        conjuncts.addAll(Conjuncts.conjuncts(filter.condition()));
        return reconsidered(filter, base, conjuncts, need);
    }

    /** The cheapest of {@code current} and the index-only scans of the table under the conditions; null = current. */
    private PlanNode reconsidered(PlanNode current, SeqScanNode base, List<BoundExpr> conjuncts, BitSet need) {
        if (base.withTid() || base.table().columns().isEmpty()) {
            return null;
        }
        BitSet read = (BitSet) need.clone();
        conjuncts.forEach(c -> read.or(Conjuncts.refs(c)));
        CostModel costs = new CostModel(planner);
        PlanNode best = null;
        double bestCost = costs.estimate(current).total();
        for (IndexInfo index : planner.indexes(base.table())) {
            if (!index.plain() || !IndexInfo.BTREE.equals(index.method()) || !covered(index, read, base.table().columns().size())) {
                continue;
            }
            IndexPaths.Split split = IndexPaths.split(base.table(), index, conjuncts);
            PlanNode path = IndexScanNode.ordered(base.table(), index, split.indexed(), false, true, base.alias());
            if (!split.rest().isEmpty()) {
                path = new FilterNode(path, Conjuncts.and(split.rest()));
            }
            double cost = costs.estimate(path).total();
            if (cost < bestCost) {
                best = path;
                bestCost = cost;
            }
        }
        return best;
    }

    private static boolean covered(IndexInfo index, BitSet need, int columns) {
        if (!index.expressions().isEmpty()) {
            return false;
        }
        for (int i = need.nextSetBit(0); i >= 0; i = need.nextSetBit(i + 1)) {
            if (i >= columns || !index.allColumns().contains((short) (i + 1))) {
                return false;
            }
        }
        return true;
    }
}
