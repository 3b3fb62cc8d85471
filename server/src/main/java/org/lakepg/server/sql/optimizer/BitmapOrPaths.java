package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.conjuncts;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.table.IndexInfo;

/**
 * The BitmapOr paths of a filtered table scan (PostgreSQL's generate_bitmap_or_paths): for an OR-ed condition whose
 * every arm some B-tree index answers, a bitmap heap scan over the union of one bitmap index scan per arm, each the
 * cheapest for its arm. The heap scan re-checks the arms as the index scans ran them (with a partial index's
 * predicate terms), so the OR-ed condition itself need not be filtered again unless an arm has a term no index
 * condition answers.
 */
final class BitmapOrPaths {
    private BitmapOrPaths() {}

    static List<IndexScanNode> of(SeqScanNode scan, List<BoundExpr> conjuncts, List<IndexInfo> indexes,
                                  CostModel costs) {
        List<IndexScanNode> out = new ArrayList<>();
        if (!costs.settings().bitmapScan() || scan.withTid() || scan.table().columns().isEmpty()) {
            return out;
        }
        for (BoundExpr conjunct : conjuncts) {
            if (!(conjunct instanceof BoolExpr b) || b.kind() != BoolExpr.Kind.OR) {
                continue;
            }
            List<BoundExpr> others = conjuncts.stream().filter(c -> c != conjunct).toList();
            List<IndexScanNode> arms = new ArrayList<>();
            List<BoundExpr> rechecks = new ArrayList<>();
            boolean exact = true;
            for (BoundExpr arm : arms(b)) {
                IndexScanNode best = cheapestArm(scan, arm, others, indexes, costs);
                if (best == null) {
                    break;
                }
                arms.add(best);
                rechecks.add(Conjuncts.and(best.conditions()));
                // an arm term no index condition answers leaves the OR-ed condition to the filter
                exact &= conjuncts(arm).stream().allMatch(c -> best.conditions().stream().anyMatch(i -> i == c));
            }
            if (arms.size() == arms(b).size()) {
                out.add(IndexScanNode.bitmapOr(new IndexScanNode.BitmapOr(arms, exact ? conjunct : null),
                        new BoolExpr(BoolExpr.Kind.OR, rechecks), scan.alias()));
            }
        }
        return out;
    }

    /** The arms of an OR, nested ORs flattened as PostgreSQL's parser leaves them. */
    private static List<BoundExpr> arms(BoolExpr or) {
        List<BoundExpr> out = new ArrayList<>();
        for (BoundExpr a : or.arguments()) {
            if (a instanceof BoolExpr inner && inner.kind() == BoolExpr.Kind.OR) {
                out.addAll(arms(inner));
            } else {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * The cheapest bitmap index scan answering {@code arm}; the other conjuncts of the query may only show that a
     * partial index holds the rows (they are checked above the scan anyway). Null when no index does.
     */
    private static IndexScanNode cheapestArm(SeqScanNode scan, BoundExpr arm, List<BoundExpr> others,
                                             List<IndexInfo> indexes, CostModel costs) {
        List<BoundExpr> armConjuncts = conjuncts(arm);
        List<BoundExpr> context = new ArrayList<>(armConjuncts);
        context.addAll(others);
        IndexScanNode best = null;
        double bestCost = Double.MAX_VALUE;
        for (IndexInfo index : indexes) {
            if (!IndexInfo.BTREE.equals(index.method()) || !index.expressions().isEmpty()
                    || index.partial() && !IndexMatching.predicateImplied(scan.table(), index, context)) {
                continue;
            }
            IndexPaths.Split split = IndexPaths.split(scan.table(), index, armConjuncts);
            if (!split.leading()) {
                continue;
            }
            List<BoundExpr> recheck = new ArrayList<>(split.indexed());
            List<BoundExpr> rest = new ArrayList<>(split.rest());
            rest.addAll(others);
            recheck.addAll(IndexMatching.impliedByPredicate(scan.table(), index, rest));
            IndexScanNode path = IndexScanNode.bitmap(scan.table(), index, recheck, scan.alias());
            double cost = costs.estimate(path).startup();
            if (cost < bestCost) {
                best = path;
                bestCost = cost;
            }
        }
        return best;
    }
}
