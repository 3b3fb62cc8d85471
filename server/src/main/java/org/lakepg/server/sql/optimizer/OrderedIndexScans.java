package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.table.IndexInfo;
import org.lakepg.server.table.TableInfo;

/**
 * The ordered paths of one table's rows (build_index_paths' full-index scans with useful pathkeys): the rows of a
 * (filtered, projected) table scan read through each B-tree index instead, so that an ORDER BY, a Merge Append or a
 * merge join can take them in the index's order without a Sort.
 */
final class OrderedIndexScans {
    private OrderedIndexScans() {}

    /**
     * {@code rows} read through each B-tree index of its table: the conditions of the scan and its filters that the
     * index answers become index conditions, the rest a filter (projections kept above); a partial index only when
     * the conditions imply its predicate. Index-only when the index holds every column read. Empty when
     * {@code rows} is no plain table scan.
     */
    static List<PlanNode> of(PlanNode rows, Function<TableInfo, List<IndexInfo>> indexes, boolean indexOnlyAllowed) {
        List<ProjectNode> projections = new ArrayList<>();
        PlanNode p = rows;
        while (p instanceof ProjectNode x) {
            projections.add(0, x);
            p = x.input();
        }
        List<BoundExpr> conjuncts = new ArrayList<>();
        while (p instanceof FilterNode f) {
            conjuncts.addAll(Conjuncts.conjuncts(f.condition()));
            p = f.input();
        }
        SeqScanNode base = switch (p) {
            case SeqScanNode s when !s.withTid() -> s;
            case IndexScanNode s when !s.probe() && !s.withTid() && s.or() == null && !s.index().gin() -> {
                conjuncts.addAll(0, s.conditions());
                yield new SeqScanNode(s.table(), false, s.alias());
            }
            default -> null;
        };
        if (base == null) {
            return List.of();
        }
        // the columns read from the table: the innermost projection's and the conditions' (all without a projection)
        BitSet read = new BitSet();
        if (projections.isEmpty()) {
            read.set(0, base.table().columns().size());
        } else {
            projections.get(0).expressions().forEach(e -> read.or(Conjuncts.refs(e)));
        }
        conjuncts.forEach(c -> read.or(Conjuncts.refs(c)));
        List<PlanNode> out = new ArrayList<>();
        for (IndexInfo index : indexes.apply(base.table())) {
            if (!IndexInfo.BTREE.equals(index.method())) {
                continue;
            }
            List<BoundExpr> usable = conjuncts;
            if (index.partial()) {
                // a partial index holds every row the conditions keep only when they imply its predicate; the
                // conditions the predicate guarantees are not checked again (check_index_predicates)
                if (!IndexMatching.predicateImplied(base.table(), index, conjuncts)) {
                    continue;
                }
                List<BoundExpr> implied = IndexMatching.impliedByPredicate(base.table(), index, conjuncts);
                usable = conjuncts.stream().filter(c -> implied.stream().noneMatch(i -> i == c)).toList();
            }
            IndexPaths.Split split = IndexPaths.split(base.table(), index, usable);
            boolean indexOnly = indexOnlyAllowed && read.stream().allMatch(i -> index.allColumns().contains((short) (i + 1)));
            PlanNode path = IndexScanNode.ordered(base.table(), index, split.indexed(), false, indexOnly, base.alias());
            if (!split.rest().isEmpty()) {
                path = new FilterNode(path, Conjuncts.and(split.rest()));
            }
            for (ProjectNode x : projections) {
                path = new ProjectNode(path, x.expressions());
            }
            out.add(path);
        }
        return out;
    }
}
