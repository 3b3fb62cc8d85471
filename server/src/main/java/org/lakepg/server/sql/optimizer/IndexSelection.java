package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.conjuncts;

import java.util.List;
import java.util.Optional;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.CoerceViaIO;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.RelabelType;
import org.lakepg.server.table.IndexInfo;

/**
 * Chooses an index scan for a table scan under a condition: an AND-ed {@code column = value} whose
 * value does not depend on the row, on the column of a single-column index, with an equality
 * whose two sides the index key orders alike. The condition itself stays as a re-check.
 */
public final class IndexSelection {
    private IndexSelection() {}

    public static PlanNode choose(SeqScanNode scan, BoundExpr condition, List<IndexInfo> indexes) {
        indexes = GinPaths.withoutGin(indexes); // a GIN index is only read by a bitmap scan (GinPaths)
        if (condition == null || indexes.isEmpty()) {
            return scan;
        }
        List<IndexInfo> plain = indexes.stream().filter(IndexInfo::plain).toList();
        if (plain.size() < indexes.size()) {
            PlanNode chosen = IndexMatching.choose(scan, conjuncts(condition), indexes);
            if (chosen != null) {
                return chosen;
            }
        }
        indexes = plain;
        for (BoundExpr conjunct : conjuncts(condition)) {
            if (!(conjunct instanceof FuncExpr f) || f.form() != FuncExpr.Form.OPERATOR || !f.name().equals("=")
                    || f.arguments().size() != 2) {
                continue;
            }
            for (int side = 0; side < 2; side++) {
                Optional<InputRef> column = column(f.arguments().get(side));
                BoundExpr value = f.arguments().get(1 - side);
                if (column.isEmpty() || dependsOnRow(value) || column.get().index() >= scan.table().columns().size()) {
                    continue;
                }
                long columnType = scan.table().columns().get(column.get().index()).type();
                if (!sameKeyFamily(columnType, value.type())) {
                    continue;
                }
                short attnum = (short) (column.get().index() + 1);
                for (IndexInfo index : indexes) {
                    if (index.columns().size() == 1 && index.columns().get(0) == attnum) {
                        return new IndexScanNode(scan.table(), index, value, scan.withTid(), scan.alias());
                    }
                }
            }
        }
        return scan;
    }

    /**
     * The scan under a filter: the index scan {@link #choose} finds when the cost model prices it below reading the
     * whole table (PostgreSQL keeps the cheapest path; a common value or a small table makes the sequential scan
     * win), else the sequential scan.
     */
    public static PlanNode cheapest(SeqScanNode scan, BoundExpr condition, List<IndexInfo> indexes,
                                    PlannerContext planner) {
        PlanNode chosen = choose(scan, condition, indexes);
        CostModel costs = new CostModel(planner);
        double viaScan = costs.estimate(new org.lakepg.server.sql.plan.FilterNode(scan, condition)).total();
        PlanNode best = scan;
        double bestCost = viaScan;
        if (chosen != scan) {
            double viaIndex = costs.estimate(new org.lakepg.server.sql.plan.FilterNode(chosen, condition)).total();
            if (viaIndex <= viaScan) {
                best = chosen;
                bestCost = viaIndex;
            }
        }
        List<IndexScanNode> paths = new java.util.ArrayList<>(IndexPaths.of(scan, conjuncts(condition), indexes,
                costs.settings()));
        paths.addAll(GinPaths.of(scan, conjuncts(condition), indexes));
        paths.addAll(BitmapOrPaths.of(scan, conjuncts(condition), indexes, costs));
        for (PlanNode path : paths) {
            BoundExpr rest = remainingCondition(path, condition, false);
            double cost = costs.estimate(rest == null ? path : new org.lakepg.server.sql.plan.FilterNode(path, rest)).total();
            if (chosen instanceof IndexScanNode probe && path instanceof IndexScanNode s && !s.bitmap()
                    && s.index().equals(probe.index())) {
                if (s.conditions().size() > 1 && best == chosen) {
                    // PostgreSQL's index path takes every clause the index can check, so (unique2 = 11) AND
                    // (unique2 < 42) are both index conditions, not an equality probe under a filter
                    best = path;
                    bestCost = cost;
                }
                continue; // else the equality probe of that index already stands for it
            }
            if (cost < bestCost) {
                best = path;
                bestCost = cost;
            }
        }
        return best;
    }

    /**
     * For an equality probe {@link #choose} found, the index path of the same index that checks every clause the
     * index can (build_index_paths: {@code (unique2 < 42) AND (unique2 = 11)} both index conditions) under what is
     * left of the condition; null when the probe is no such index's or the index checks nothing more.
     */
    static PlanNode everyClause(SeqScanNode scan, PlanNode chosen, BoundExpr condition, List<IndexInfo> indexes,
                                CostSettings settings) {
        if (!(chosen instanceof IndexScanNode probe) || !probe.probe()) {
            return null;
        }
        // column = constant equalities come back from their equivalence class after the other restrictions
        List<BoundExpr> ordered = conjuncts(QualOrder.equalitiesLast(condition));
        for (IndexScanNode path : IndexPaths.of(scan, ordered, List.of(probe.index()), settings)) {
            if (!path.bitmap() && path.index().equals(probe.index()) && path.conditions().size() > 1) {
                BoundExpr rest = remainingCondition(path, condition, false);
                return rest == null ? path : new org.lakepg.server.sql.plan.FilterNode(path, rest);
            }
        }
        return null;
    }

    /**
     * The condition an index scan still has to check: without the terms a partial index's predicate guarantees
     * (PostgreSQL keeps them when the rows are locked, {@code forUpdate}); null when nothing is left.
     */
    public static BoundExpr remainingCondition(PlanNode scan, BoundExpr condition, boolean forUpdate) {
        if (scan instanceof IndexScanNode index && !index.probe()) {
            // the index conditions are checked by the scan (a bitmap scan's Recheck Cond)
            List<BoundExpr> left = conjuncts(condition).stream()
                    .filter(c -> index.conditions().stream().noneMatch(i -> i == c))
                    .filter(c -> index.or() == null || c != index.or().source()).toList();
            if (!forUpdate && index.or() == null && index.index().partial() && !left.isEmpty()) {
                // nor what a partial index's predicate guarantees (create_indexscan_plan)
                List<BoundExpr> implied = IndexMatching.impliedByPredicate(index, left);
                left = left.stream().filter(c -> implied.stream().noneMatch(i -> i == c)).toList();
            }
            return left.isEmpty() ? null : Conjuncts.and(left);
        }
        if (forUpdate || !(scan instanceof IndexScanNode index)) {
            return condition;
        }
        List<BoundExpr> conjuncts = conjuncts(condition);
        List<BoundExpr> implied = IndexMatching.impliedByPredicate(index, conjuncts);
        if (implied.isEmpty()) {
            return condition;
        }
        List<BoundExpr> left = conjuncts.stream().filter(c -> implied.stream().noneMatch(i -> i == c)).toList();
        return left.isEmpty() ? null : Conjuncts.and(left);
    }

    private static Optional<InputRef> column(BoundExpr e) {
        if (e instanceof RelabelType r) {
            return column(r.argument());
        }
        return e instanceof InputRef in ? Optional.of(in) : Optional.empty();
    }

    static boolean sameKeyFamily(long a, long b) {
        return integer(a) && integer(b) || a == b || text(a) && text(b) && (a == TypeOids.BPCHAR) == (b == TypeOids.BPCHAR);
    }

    private static boolean integer(long t) {
        return t == TypeOids.INT2 || t == TypeOids.INT4 || t == TypeOids.INT8;
    }

    private static boolean text(long t) {
        return t == TypeOids.TEXT || t == TypeOids.VARCHAR || t == TypeOids.BPCHAR || t == TypeOids.NAME;
    }

    static boolean dependsOnRow(BoundExpr e) {
        return switch (e) {
            case InputRef in -> true;
            case FuncExpr f -> f.volatility() == 'v' || f.arguments().stream().anyMatch(IndexSelection::dependsOnRow);
            case RelabelType r -> dependsOnRow(r.argument());
            case CoerceViaIO c -> dependsOnRow(c.argument());
            case org.lakepg.server.sql.plan.expr.ArrayCoerceExpr a -> dependsOnRow(a.argument());
            case org.lakepg.server.sql.plan.expr.Const c -> false;
            case org.lakepg.server.sql.plan.expr.ParamRef p -> false;
            case org.lakepg.server.sql.plan.expr.OuterParam p -> false;
            default -> true;
        };
    }
}
