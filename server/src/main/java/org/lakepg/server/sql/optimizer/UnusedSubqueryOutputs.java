package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.LimitNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.SubqueryScanNode;
import org.lakepg.server.sql.plan.expr.AggRef;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;
import org.lakepg.server.sql.plan.expr.WindowRef;

/**
 * PostgreSQL's remove_unused_subquery_outputs for the simplest shape: a query reading a FROM subquery's projection
 * (through its WHERE) that does not use one of its columns computes NULL there instead. Only columns holding a
 * subquery are dropped (so {@code SELECT q1 FROM (SELECT q1, (SELECT ... more than one row) FROM t) ss} does not
 * fail), and never one that calls a volatile function or writes, which PostgreSQL keeps too.
 */
public final class UnusedSubqueryOutputs {
    private UnusedSubqueryOutputs() {}

    public static PlanNode apply(PlanNode root) {
        return switch (root) {
            case SortNode s -> {
                PlanNode input = apply(s.input());
                yield input == s.input() ? s : new SortNode(input, s.keys());
            }
            case LimitNode l -> {
                PlanNode input = apply(l.input());
                yield input == l.input() ? l : new LimitNode(input, l.offset(), l.count(), l.ties());
            }
            case ProjectNode p -> project(p);
            default -> root;
        };
    }

    private static PlanNode project(ProjectNode outer) {
        Set<Integer> used = new HashSet<>();
        List<BoundExpr> filters = new ArrayList<>();
        PlanNode p = outer.input();
        while (p instanceof FilterNode f) {
            filters.add(f.condition());
            p = f.input();
        }
        SubqueryScanNode scan = p instanceof SubqueryScanNode q ? q : null;
        if (scan != null) {
            p = scan.input();
            if (!(p instanceof ProjectNode x) || !plainlyProjected(x.input())) {
                return outer;
            }
        }
        if (!(p instanceof ProjectNode inner)) {
            return outer;
        }
        List<BoundExpr> reading = new ArrayList<>(outer.expressions());
        reading.addAll(filters);
        for (BoundExpr e : reading) {
            if (!collectInputs(e, used)) {
                return outer;
            }
        }
        List<BoundExpr> kept = new ArrayList<>(inner.expressions());
        boolean changed = false;
        for (int i = 0; i < kept.size(); i++) {
            BoundExpr e = kept.get(i);
            if (!used.contains(i) && (scan != null ? !volatileOrWriting(e) : droppable(e))) {
                kept.set(i, new Const(e.type(), e.typmod(), null));
                changed = true;
            }
        }
        if (!changed) {
            return outer;
        }
        PlanNode rebuilt = new ProjectNode(inner.input(), kept);
        if (scan != null) {
            rebuilt = scan.withInput(rebuilt);
        }
        for (int i = filters.size() - 1; i >= 0; i--) {
            rebuilt = new FilterNode(rebuilt, filters.get(i));
        }
        return new ProjectNode(rebuilt, outer.expressions());
    }

    /**
     * A subquery kept apart computes NULL for any column not read above it that is not volatile (PostgreSQL's full
     * rule); only for the shapes whose select list is computed last (no sort, grouping, DISTINCT or window keys in it).
     */
    static boolean plainlyProjected(PlanNode input) {
        return switch (input) {
            case SortNode s -> false;
            case org.lakepg.server.sql.plan.DistinctNode d -> false;
            case org.lakepg.server.sql.plan.AggregateNode a -> false;
            case org.lakepg.server.sql.plan.WindowAggNode w -> false;
            case org.lakepg.server.sql.plan.ProjectSetNode ps -> false;
            case FilterNode f -> plainlyProjected(f.input());
            case LimitNode l -> plainlyProjected(l.input());
            default -> true;
        };
    }

    /** Adds the input columns {@code e} reads; false when it holds a node whose inputs are not all visible. */
    private static boolean collectInputs(BoundExpr e, Set<Integer> used) {
        boolean[] opaque = {false};
        ExprRewriter.any(e, x -> {
            switch (x) {
                case InputRef in -> used.add(in.index());
                case AggRef a -> opaque[0] = true;
                case WindowRef w -> opaque[0] = true;
                default -> { }
            }
            return false;
        });
        return !opaque[0];
    }

    private static boolean droppable(BoundExpr e) {
        return ExprRewriter.any(e, x -> x instanceof SubqueryExpr) && !volatileOrWriting(e);
    }

    private static boolean volatileOrWriting(BoundExpr e) {
        return ExprRewriter.any(e, x -> x instanceof FuncExpr f && f.volatility() == 'v'
                || x instanceof SubqueryExpr q && PlanExpressions.any(q.plan(), UnusedSubqueryOutputs::volatileOrWriting));
    }
}
