package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.lakepg.server.sql.plan.MergeJoinNode;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.PresortedInputs;
import org.lakepg.server.sql.plan.SortKey;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * Merge joins over inputs that already come in order (match_unsorted_outer / generate_mergejoin_paths): a side read
 * through a B-tree index (or already an ordered scan) whose leading columns some merge clauses compare is merged on
 * those clauses alone (find_mergeclauses_for_outer_pathkeys) without a Sort; the other clauses become the Join
 * Filter, and the other side is sorted on the merged keys unless one of its own ordered paths already delivers them.
 * The plain sort-both-sides merge (sort_inner_and_outer) is JoinMethods' own.
 */
final class OrderedMergeJoins {
    private OrderedMergeJoins() {}

    /** A merge-joinable equality: the condition and its ascending sort keys on the left and the right side. */
    record Clause(BoundExpr condition, SortKey left, SortKey right) {}

    /** The merge joins of {@code left} and {@code right} driven by an ordered path of either side. */
    static List<PlanNode> of(NestedLoopJoinNode.Kind kind, PlanNode left, PlanNode right, List<Clause> clauses,
                             List<BoundExpr> others, Function<TableInfo, List<IndexInfo>> indexes, boolean indexOnly) {
        List<PlanNode> leftPaths = paths(left, indexes, indexOnly);
        List<PlanNode> rightPaths = paths(right, indexes, indexOnly);
        List<PlanNode> out = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            boolean leftDrives = side == 0;
            for (PlanNode driving : leftDrives ? leftPaths : rightPaths) {
                List<Clause> merged = mergedPrefix(driving, clauses, leftDrives);
                if (merged.isEmpty()) {
                    continue;
                }
                List<SortKey> leftKeys = merged.stream().map(Clause::left).toList();
                List<SortKey> rightKeys = merged.stream().map(Clause::right).toList();
                List<BoundExpr> filter = new ArrayList<>(others);
                clauses.stream().filter(c -> !merged.contains(c)).forEach(c -> filter.add(c.condition()));
                SortNode drivingSorted = new SortNode(driving, distinctColumns(leftDrives ? leftKeys : rightKeys));
                for (SortNode other : otherSide(leftDrives ? rightPaths : leftPaths, leftDrives ? rightKeys : leftKeys)) {
                    out.add(new MergeJoinNode(kind, leftDrives ? drivingSorted : other, leftDrives ? other : drivingSorted,
                            leftKeys, rightKeys, and(filter)));
                }
            }
        }
        return out;
    }

    /** The side as it is (when already an ordered scan) and read through each B-tree index of its table. */
    private static List<PlanNode> paths(PlanNode side, Function<TableInfo, List<IndexInfo>> indexes, boolean indexOnly) {
        List<PlanNode> paths = new ArrayList<>();
        paths.add(side);
        paths.addAll(OrderedIndexScans.of(side, indexes, indexOnly));
        return paths;
    }

    /**
     * The clauses whose keys on the driving side, one after another, the path's order delivers (each clause at most
     * once; a column several clauses compare orders them all, as a redundant pathkey does).
     */
    private static List<Clause> mergedPrefix(PlanNode path, List<Clause> clauses, boolean leftDrives) {
        List<Clause> merged = new ArrayList<>();
        List<SortKey> keys = new ArrayList<>();
        boolean extended = true;
        while (extended) {
            extended = false;
            for (Clause c : clauses) {
                if (merged.contains(c)) {
                    continue;
                }
                SortKey key = leftDrives ? c.left() : c.right();
                List<SortKey> longer = new ArrayList<>(keys);
                longer.add(key);
                if (keys.stream().anyMatch(k -> k.column() == key.column())
                        || PresortedInputs.presorted(new SortNode(path, longer))) {
                    merged.add(c);
                    if (keys.stream().noneMatch(k -> k.column() == key.column())) {
                        keys.add(key);
                    }
                    extended = true;
                    break;
                }
            }
        }
        return merged;
    }

    /**
     * The other side sorted on {@code keys}: each of its ordered paths that delivers them (no Sort), or else the side
     * itself under a Sort.
     */
    private static List<SortNode> otherSide(List<PlanNode> paths, List<SortKey> keys) {
        List<SortNode> presorted = new ArrayList<>();
        for (PlanNode p : paths) {
            SortNode sorted = new SortNode(p, keys);
            if (PresortedInputs.presorted(sorted)) {
                presorted.add(sorted);
            }
        }
        if (!presorted.contains(new SortNode(paths.get(0), keys))) {
            presorted.add(new SortNode(paths.get(0), keys));
        }
        return presorted;
    }

    /** The keys without the repeats of a column (a column several clauses compare is ordered once). */
    private static List<SortKey> distinctColumns(List<SortKey> keys) {
        List<SortKey> out = new ArrayList<>();
        for (SortKey k : keys) {
            if (out.stream().noneMatch(o -> o.column() == k.column())) {
                out.add(k);
            }
        }
        return out;
    }

    private static BoundExpr and(List<BoundExpr> conjuncts) {
        return conjuncts.isEmpty() ? null : conjuncts.size() == 1 ? conjuncts.get(0)
                : new BoolExpr(BoolExpr.Kind.AND, conjuncts);
    }
}
