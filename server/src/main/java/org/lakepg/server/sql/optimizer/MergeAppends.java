package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.AppendNode;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.LimitNode;
import org.lakepg.server.sql.plan.MergeAppendNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.PresortedInputs;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/**
 * PostgreSQL's ordered append paths (generate_orderedappend_paths): a query level's ORDER BY over a UNION ALL or an
 * inheritance scan may sort each member on its own — or read it in order from a B-tree index — and merge the
 * ordered members (Merge Append) instead of sorting all the rows at once. The cheaper plan wins; under a LIMIT the
 * cost to the rows the limit keeps (a merge of index scans returns its first rows at once).
 */
public final class MergeAppends {
    private final PlannerContext planner;
    private final CostModel costs;

    private MergeAppends(PlannerContext planner) {
        this.planner = planner;
        this.costs = new CostModel(planner);
    }

    /** The query level's plan with its ORDER BY over an append merged when that costs less. */
    public static PlanNode apply(PlanNode root, PlannerContext planner) {
        if (planner == null) {
            return root;
        }
        return new MergeAppends(planner).top(root, -1);
    }

    /**
     * The rows of {@code input} (projections over an append) that pass {@code condition}, merged in the order of
     * {@code key} from members each sorted or read in order for their first row (planagg's ORDER BY ... LIMIT 1
     * subquery over an append relation); null when the input is no append. {@code copy} counts the earlier such
     * subqueries of the query: PostgreSQL plans each over its own copy of an inheritance scan's range table entries, so
     * the n members of the k-th copy are named {@code t_(k(n+1)+1)...} after a parent {@code t_(k(n+1))}.
     */
    static MergeAppendNode firstValues(PlanNode input, BoundExpr condition, org.lakepg.server.sql.plan.SortKey key,
                                       int copy, PlannerContext planner) {
        List<ProjectNode> projections = new ArrayList<>();
        PlanNode p = input;
        while (p instanceof ProjectNode x) {
            if (x.expressions().stream().anyMatch(e -> ExprRewriter.any(e, c -> c instanceof SubqueryExpr))) {
                return null;
            }
            projections.add(0, x);
            p = x.input();
        }
        if (!(p instanceof AppendNode append) || append.inputs().isEmpty()) {
            return null;
        }
        MergeAppends planning = new MergeAppends(planner);
        List<PlanNode> inputs = new ArrayList<>();
        for (PlanNode member : copied(flattened(append, projections), copy)) {
            inputs.add(planning.ordered(new SortNode(filtered(member, condition), List.of(key)), 1));
        }
        return new MergeAppendNode(inputs, List.of(key), input.width());
    }

    /** The members of an inheritance scan renamed for the {@code copy}-th copy of its range table (see firstValues). */
    private static List<PlanNode> copied(List<PlanNode> members, int copy) {
        if (copy == 0) {
            return members;
        }
        String base = null;
        for (int i = 0; i < members.size(); i++) {
            String alias = alias(members.get(i));
            String suffix = "_" + (i + 1);
            if (alias == null || !alias.endsWith(suffix)
                    || base != null && !base.equals(alias.substring(0, alias.length() - suffix.length()))) {
                return members; // not an inheritance scan: EXPLAIN numbers repeated names itself
            }
            base = alias.substring(0, alias.length() - suffix.length());
        }
        int first = copy * (members.size() + 1);
        List<PlanNode> out = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            out.add(withAlias(members.get(i), base + "_" + (first + i + 1)));
        }
        return out;
    }

    /** The member with the condition (over its output columns) checked below its projections. */
    private static PlanNode filtered(PlanNode member, BoundExpr condition) {
        if (member instanceof ProjectNode x) {
            BoundExpr below = ExprRewriter.map(condition, e -> e instanceof org.lakepg.server.sql.plan.expr.InputRef r
                    && r.index() < x.expressions().size() ? x.expressions().get(r.index()) : e);
            return new ProjectNode(filtered(x.input(), below), x.expressions());
        }
        if (member instanceof FilterNode f) {
            List<BoundExpr> both = new ArrayList<>();
            both.add(condition);
            both.addAll(Conjuncts.conjuncts(f.condition()));
            return new FilterNode(f.input(), Conjuncts.and(both));
        }
        return new FilterNode(member, condition);
    }

    /** Walks down the nodes above the level's Sort; {@code wanted}: the rows a LIMIT above takes (-1 = all). */
    private PlanNode top(PlanNode p, double wanted) {
        return switch (p) {
            case ProjectNode x -> {
                PlanNode input = top(x.input(), wanted);
                yield input == x.input() ? x : new ProjectNode(input, x.expressions());
            }
            case LimitNode l -> {
                double rows = limitRows(l);
                PlanNode input = top(l.input(), rows < 0 ? wanted : wanted < 0 ? rows : Math.min(rows, wanted));
                yield input == l.input() ? l : l.withInput(input);
            }
            case SortNode s -> merged(s, wanted);
            default -> p;
        };
    }

    private static double limitRows(LimitNode l) {
        if (!(l.count() instanceof Const c) || !(c.value() instanceof Number n)) {
            return -1;
        }
        double offset = l.offset() == null ? 0
                : l.offset() instanceof Const o && o.value() instanceof Number m ? m.doubleValue() : -1;
        return offset < 0 ? -1 : n.doubleValue() + offset;
    }

    private PlanNode merged(SortNode sort, double wanted) {
        if (PresortedInputs.presorted(sort)) {
            return sort;
        }
        List<ProjectNode> projections = new ArrayList<>();
        PlanNode p = sort.input();
        while (p instanceof ProjectNode x) {
            if (x.expressions().stream().anyMatch(e -> ExprRewriter.any(e, c -> c instanceof SubqueryExpr))) {
                return sort;
            }
            projections.add(0, x);
            p = x.input();
        }
        if (!(p instanceof AppendNode append) || append.inputs().size() < 2) {
            return sort;
        }
        List<PlanNode> inputs = new ArrayList<>();
        for (PlanNode member : flattened(append, projections)) {
            inputs.add(ordered(new SortNode(member, sort.keys()), wanted));
        }
        MergeAppendNode merge = new MergeAppendNode(inputs, sort.keys(), sort.width());
        return cost(merge, wanted) < cost(sort, wanted) ? merge : sort;
    }

    /**
     * The members of the append under the projections above it (innermost first), pushed into each; a member that is
     * itself an append (an inheritance scan inside a UNION ALL) is read as its members, as PostgreSQL flattens nested
     * append relations.
     */
    private static List<PlanNode> flattened(AppendNode append, List<ProjectNode> projections) {
        List<PlanNode> out = new ArrayList<>();
        for (PlanNode member : append.inputs()) {
            List<ProjectNode> inner = new ArrayList<>();
            PlanNode p = member;
            while (p instanceof ProjectNode x) {
                inner.add(0, x);
                p = x.input();
            }
            if (p instanceof AppendNode nested) {
                List<ProjectNode> all = new ArrayList<>(inner);
                all.addAll(projections);
                out.addAll(flattened(unnamedParent(nested), all));
                continue;
            }
            PlanNode projected = member;
            for (ProjectNode x : projections) {
                projected = new ProjectNode(projected, x.expressions());
            }
            out.add(projected);
        }
        return out;
    }

    /**
     * An inheritance scan flattened into an enclosing UNION ALL: PostgreSQL's plan no longer names its parent (the
     * merged append relation is the UNION's), so its members are named from the parent's name up — the parent's own
     * rows as {@code t}, the children {@code t_1, t_2...} — instead of {@code t_1, t_2, t_3...}.
     */
    private static AppendNode unnamedParent(AppendNode scan) {
        List<PlanNode> members = new ArrayList<>();
        String base = null;
        for (int i = 0; i < scan.inputs().size(); i++) {
            String alias = alias(scan.inputs().get(i));
            String suffix = "_" + (i + 1);
            if (alias == null || !alias.endsWith(suffix)
                    || base != null && !base.equals(alias.substring(0, alias.length() - suffix.length()))) {
                return scan;
            }
            base = alias.substring(0, alias.length() - suffix.length());
            members.add(withAlias(scan.inputs().get(i), i == 0 ? base : base + "_" + i));
        }
        return new AppendNode(members, scan.width());
    }

    private static String alias(PlanNode p) {
        return switch (p) {
            case ProjectNode x -> alias(x.input());
            case FilterNode f -> alias(f.input());
            case SeqScanNode s -> s.alias();
            default -> null;
        };
    }

    private static PlanNode withAlias(PlanNode p, String alias) {
        return switch (p) {
            case ProjectNode x -> new ProjectNode(withAlias(x.input(), alias), x.expressions());
            case FilterNode f -> new FilterNode(withAlias(f.input(), alias), f.condition());
            case SeqScanNode s -> new SeqScanNode(s.table(), s.withTid(), alias);
            default -> p;
        };
    }

    /** The cost of the plan's first {@code wanted} rows (all with -1), as a LIMIT above would count them. */
    private double cost(PlanNode p, double wanted) {
        PlanEstimate e = costs.estimate(p);
        if (wanted < 0 || e.rows() <= wanted) {
            return e.total();
        }
        return e.startup() + (e.total() - e.startup()) * wanted / Math.max(1, e.rows());
    }

    /**
     * A member sorted by the keys: the cheaper of sorting it and reading its table through a B-tree index whose leading
     * columns are the keys (forward, or backward when every key is the index's order reversed).
     */
    private SortNode ordered(SortNode sorted, double wanted) {
        if (PresortedInputs.presorted(sorted)) {
            return sorted;
        }
        SortNode best = sorted;
        double bestCost = cost(sorted, wanted);
        for (PlanNode path : OrderedIndexScans.of(sorted.input(), planner::indexes,
                CostSettings.of(planner::setting).indexOnlyScan())) {
            SortNode candidate = PresortedInputs.backwardIfReversed(new SortNode(path, sorted.keys()));
            if (!PresortedInputs.presorted(candidate)) {
                continue;
            }
            double c = cost(candidate, wanted);
            if (c < bestCost) {
                best = candidate;
                bestCost = c;
            }
        }
        return best;
    }
}
