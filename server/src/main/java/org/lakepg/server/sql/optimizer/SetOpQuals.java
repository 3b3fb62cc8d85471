package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.and;
import static org.lakepg.server.sql.optimizer.Conjuncts.conjuncts;
import static org.lakepg.server.sql.optimizer.Conjuncts.pushable;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.AppendNode;
import org.lakepg.server.sql.plan.DistinctNode;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.ResultNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.SetOpNode;
import org.lakepg.server.sql.plan.SortKey;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;

/**
 * The outer query's WHERE over a FROM subquery that is a UNION [ALL], pushed into each member query as PostgreSQL
 * does: a UNION ALL is an append relation whose quals are translated into every child (set_append_rel_size), a UNION
 * a subquery whose leaves get the qual when subquery_is_pushdown_safe. A member's copy is the condition over the
 * member's own select list, constant-folded: a UNION ALL member it makes constant false is left out (a single member
 * left replaces the Append), a UNION member becomes a Result that never passes; a scan gets the condition as its
 * filter, where it may use an index. A condition reading a column some member computes with a volatile function or
 * a set-returning function, or that some member converts to another type (compare_tlist_datatypes), stays above
 * (check_output_expressions), as do volatile conditions and subqueries.
 */
public final class SetOpQuals {
    /** The subquery after pushing, and what is left for the outer WHERE (null when nothing). */
    public record Pushed(PlanNode plan, BoundExpr remaining) {}

    private final UnaryOperator<BoundExpr> fold;
    private final Function<PlanNode, BitSet> casts;
    private final BiFunction<SeqScanNode, BoundExpr, PlanNode> filteredScan;

    /**
     * @param fold         constant folding of a condition (eval_const_expressions)
     * @param casts        for a member's projection, the columns it converts to the set operation's types
     * @param filteredScan a table scan with a condition: the cheapest index or sequential scan and its filter
     */
    public SetOpQuals(UnaryOperator<BoundExpr> fold, Function<PlanNode, BitSet> casts,
                      BiFunction<SeqScanNode, BoundExpr, PlanNode> filteredScan) {
        this.fold = fold;
        this.casts = casts;
        this.filteredScan = filteredScan;
    }

    /** Null when the plan is no UNION [ALL] or no part of the condition can move. */
    public Pushed push(PlanNode plan, BoundExpr where) {
        if (!(plan instanceof AppendNode || plan instanceof SetOpNode s && s.kind() == SetOpNode.Kind.UNION)) {
            return null;
        }
        List<BoundExpr> below = new ArrayList<>();
        List<BoundExpr> remaining = new ArrayList<>();
        for (BoundExpr c : conjuncts(where)) {
            boolean movable = pushable(c) && !ExprRewriter.any(c, e -> e instanceof OuterParam)
                    && Conjuncts.refs(c).stream().allMatch(i -> safeColumn(plan, i));
            (movable ? below : remaining).add(c);
        }
        if (below.isEmpty()) {
            return null;
        }
        PlanNode pushed = into(plan, and(below), false);
        if (pushed == null) {
            pushed = GatingQuals.emptyRows(plan.width());
        }
        return new Pushed(pushed, remaining.isEmpty() ? null : and(remaining));
    }

    /** Whether a condition on output column {@code i} may be evaluated inside the member queries. */
    private boolean safeColumn(PlanNode p, int i) {
        return switch (p) {
            case AppendNode a -> a.inputs().stream().allMatch(m -> safeColumn(m, i));
            case SetOpNode s -> s.kind() == SetOpNode.Kind.UNION && safeColumn(s.left(), i) && safeColumn(s.right(), i);
            case ProjectNode x -> !casts.apply(x).get(i) && pushable(x.expressions().get(i))
                    && Conjuncts.refs(x.expressions().get(i)).stream().allMatch(j -> safeColumn(x.input(), j));
            case org.lakepg.server.sql.plan.ProjectSetNode s -> false;
            default -> true;
        };
    }

    /**
     * The member with the condition inside; null when the condition never passes there and the member can be left
     * out ({@code keep}: a UNION's leaf, which PostgreSQL keeps as a dummy).
     */
    private PlanNode into(PlanNode p, BoundExpr condition, boolean keep) {
        switch (p) {
            case AppendNode a -> {
                List<PlanNode> members = new ArrayList<>();
                for (PlanNode m : a.inputs()) {
                    PlanNode pushed = into(m, condition, false);
                    if (pushed != null) {
                        members.add(pushed);
                    }
                }
                if (members.isEmpty()) {
                    return keep ? GatingQuals.emptyRows(a.width()) : null;
                }
                return members.size() == 1 ? members.get(0) : new AppendNode(members, a.width());
            }
            case SetOpNode s when s.kind() == SetOpNode.Kind.UNION -> {
                return new SetOpNode(s.kind(), s.all(), into(s.left(), condition, true), into(s.right(), condition, true),
                        s.keys(), s.columns());
            }
            case ProjectNode x -> {
                BoundExpr inside = ExprRewriter.map(condition,
                        e -> e instanceof InputRef in ? x.expressions().get(in.index()) : e);
                BoundExpr folded = fold.apply(inside);
                var split = GatingQuals.split(folded);
                if (split.neverPasses()) {
                    return keep ? new ProjectNode(GatingQuals.emptyRows(x.input().width()), x.expressions()) : null;
                }
                List<BoundExpr> parts = parts(split);
                return parts.isEmpty() ? x : new ProjectNode(filtered(x.input(), and(parts)), x.expressions());
            }
            default -> {
                var split = GatingQuals.split(fold.apply(condition));
                if (split.neverPasses()) {
                    return keep ? GatingQuals.emptyRows(p.width()) : null;
                }
                List<BoundExpr> parts = parts(split);
                return parts.isEmpty() ? p : filtered(p, and(parts));
            }
        }
    }

    /** What of a folded condition a member still checks: its gating and its other conjuncts (none when true). */
    private static List<BoundExpr> parts(GatingQuals.Split split) {
        List<BoundExpr> parts = new ArrayList<>();
        if (split.gate() != null) {
            parts.addAll(conjuncts(split.gate()));
        }
        if (split.rest() != null) {
            parts.addAll(conjuncts(split.rest()));
        }
        return parts;
    }

    /** The rows of {@code p} that pass the condition, the condition as far down as it may go. */
    private PlanNode filtered(PlanNode p, BoundExpr condition) {
        return switch (WholeTableScans.asSeqScan(p)) {
            case SeqScanNode scan -> filteredScan.apply(scan, condition);
            case FilterNode f when f.input() instanceof SeqScanNode scan -> {
                List<BoundExpr> all = conjuncts(f.condition());
                all.addAll(conjuncts(condition));
                yield filteredScan.apply(scan, and(all));
            }
            case FilterNode f when !(f.input() instanceof ResultNode) -> {
                List<BoundExpr> all = conjuncts(f.condition());
                all.addAll(conjuncts(condition));
                yield new FilterNode(f.input(), and(all));
            }
            case ProjectNode x when Conjuncts.refs(condition).stream().allMatch(i -> safeColumn(x, i)) ->
                    new ProjectNode(filtered(x.input(), ExprRewriter.map(condition,
                            e -> e instanceof InputRef in ? x.expressions().get(in.index()) : e)), x.expressions());
            case DistinctNode d when Conjuncts.refs(condition).stream().allMatch(i -> i < d.keys().size()
                    && keyed(d.keys(), i)) -> new DistinctNode(filtered(d.input(), condition), d.keys());
            default -> new FilterNode(p, condition);
        };
    }

    /** Whether DISTINCT compares column {@code i}, so rows it keeps apart differ there. */
    private static boolean keyed(List<SortKey> keys, int i) {
        return keys.stream().anyMatch(k -> k.column() == i);
    }
}
