package org.lakepg.server.sql.optimizer;

import java.util.BitSet;
import java.util.List;
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
            case SeqScanNode s when !s.withTid() && !s.table().columns().isEmpty() -> wholeIndex(s, need);
            default -> scan;
        };
    }

    private PlanNode wholeIndex(SeqScanNode scan, BitSet need) {
        List<IndexInfo> indexes = planner.indexes(scan.table());
        CostModel costs = new CostModel(planner);
        PlanNode best = scan;
        double bestCost = costs.estimate(scan).total();
        for (IndexInfo index : indexes) {
            if (!index.plain() || !IndexInfo.BTREE.equals(index.method())
                    || !covered(index, need, scan.table().columns().size())) {
                continue;
            }
            IndexScanNode candidate = IndexScanNode.ordered(scan.table(), index, List.of(), false, true, scan.alias());
            double cost = costs.estimate(candidate).total();
            if (cost < bestCost) {
                best = candidate;
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
