package org.lakepg.server.sql.analyzer;

import java.util.List;
import org.lakepg.server.sql.optimizer.SubqueryQuals;
import org.lakepg.server.sql.optimizer.VolatileCalls;
import org.lakepg.server.sql.plan.AggregateNode;
import org.lakepg.server.sql.plan.DistinctNode;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.LimitNode;
import org.lakepg.server.sql.plan.OutputColumn;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.ProjectSetNode;
import org.lakepg.server.sql.plan.SetOpNode;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.SubqueryScanNode;
import org.lakepg.server.sql.plan.WindowAggNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/**
 * Which FROM subqueries stay queries of their own, as PostgreSQL's is_simple_subquery decides: one with window
 * functions or set-returning functions or volatile calls in its select list, ORDER BY keys it does not return, or FOR
 * UPDATE, is not pulled up into the outer query, so it is read through a {@link SubqueryScanNode}.
 */
public final class SubqueryScans {
    private SubqueryScans() {}

    /** The subquery's plan, behind a Subquery Scan when PostgreSQL keeps it apart. */
    static PlanNode of(PlanNode plan, String alias, List<OutputColumn> columns) {
        if (!windowed(plan) && !setReturning(plan) && !flaggedSetOperation(plan) && !volatileOutputs(plan)
                && !sortedWithJunk(plan) && !locking(plan)) {
            return plan;
        }
        if (locking(plan)) {
            return new SubqueryScanNode(org.lakepg.server.sql.optimizer.LockedSubqueryQuals.projectedBelowLock(plan),
                    alias, columns.stream().map(OutputColumn::name).toList(), true);
        }
        return new SubqueryScanNode(plan, alias, columns.stream().map(OutputColumn::name).toList(), junk(plan));
    }

    /**
     * A LATERAL subquery's plan: one that is an INTERSECT or EXCEPT stays behind its (never trivial) Subquery Scan, as
     * {@link #of} keeps it; the other shapes are read as they are.
     */
    static PlanNode ofLateral(PlanNode plan, String alias, List<OutputColumn> columns) {
        return flaggedSetOperation(plan) ? of(plan, alias, columns) : plan;
    }

    /**
     * A subquery with a WITH clause of its own: PostgreSQL never pulls it up (is_simple_subquery checks cteList), so it
     * is read through a Subquery Scan, which EXPLAIN shows unless trivial.
     */
    static PlanNode withItems(PlanNode plan, org.lakepg.server.sql.ast.SelectStmt s, String alias,
                              List<OutputColumn> columns) {
        if (plan instanceof SubqueryScanNode || s.withClause() == null || s.withClause().ctes().isEmpty()) {
            return plan;
        }
        return new SubqueryScanNode(plan, alias, columns.stream().map(OutputColumn::name).toList(), junk(plan));
    }

    /** A select list with set-returning functions (hasTargetSRFs): the outer WHERE must not multiply their calls. */
    private static boolean setReturning(PlanNode p) {
        return p instanceof ProjectNode x && x.input() instanceof ProjectSetNode;
    }

    /**
     * A UNION read from FROM under a condition that stays above it (volatile, or on a set-returning column): PostgreSQL
     * checks it in the Subquery Scan, which is then not trivial and is shown ({@code Subquery Scan on ss / Filter}).
     */
    static PlanNode filteredUnion(PlanNode plan, List<org.lakepg.server.sql.ast.FromItem> from) {
        if (!(plan instanceof SetOpNode union && union.kind() == SetOpNode.Kind.UNION) || from == null
                || from.size() != 1 || !(from.get(0) instanceof org.lakepg.server.sql.ast.RangeSubselect sub)
                || sub.lateral() || sub.alias() == null) {
            return plan;
        }
        List<String> names = new java.util.ArrayList<>(union.columns().stream().map(OutputColumn::name).toList());
        List<String> renamed = sub.alias().colnames() == null ? List.of() : sub.alias().colnames();
        for (int i = 0; i < renamed.size() && i < names.size(); i++) {
            names.set(i, renamed.get(i));
        }
        return new SubqueryScanNode(plan, sub.alias().aliasname(), names, false);
    }

    /**
     * INTERSECT or EXCEPT: PostgreSQL's SetOp target list carries the members' flag column as a resjunk entry, so the
     * Subquery Scan reading it is never trivial and stays (a UNION's is removed).
     */
    private static boolean flaggedSetOperation(PlanNode p) {
        return p instanceof SetOpNode s && s.kind() != SetOpNode.Kind.UNION;
    }

    /**
     * A select list calling a volatile function, also inside a subquery of it: pulling it up could evaluate the call
     * once per reference instead of once per row.
     */
    private static boolean volatileOutputs(PlanNode p) {
        return p instanceof ProjectNode x && x.expressions().stream().anyMatch(e -> ExprRewriter.any(e,
                c -> c instanceof FuncExpr f && f.volatility() == 'v'
                        || c instanceof SubqueryExpr q && VolatileCalls.in(q.plan())));
    }

    /**
     * An ORDER BY subquery whose sort keys are not all in its select list: PostgreSQL never pulls up a subquery with
     * ORDER BY, and its resjunk sort columns keep the Subquery Scan from being removed as trivial.
     */
    private static boolean sortedWithJunk(PlanNode p) {
        return p instanceof ProjectNode x && x.input() instanceof SortNode && x.width() < x.input().width();
    }

    /** FOR UPDATE/SHARE (hasForUpdate): its rows are locked where it is planned, each with its ctid as a resjunk column. */
    private static boolean locking(PlanNode p) {
        return org.lakepg.server.sql.optimizer.LockedSubqueryQuals.locks(p);
    }

    /** Whether the subquery is kept apart only for the shapes {@link SubqueryQuals} does not push conditions into. */
    public static boolean keptForShape(SubqueryScanNode scan) {
        PlanNode p = scan.input();
        return volatileOutputs(p) || sortedWithJunk(p) || locking(p);
    }

    private static boolean windowed(PlanNode p) {
        return switch (p) {
            case WindowAggNode w -> true;
            case ProjectNode x -> windowed(x.input());
            case FilterNode f -> windowed(f.input());
            case SortNode s -> windowed(s.input());
            case LimitNode l -> windowed(l.input());
            case DistinctNode d -> windowed(d.input());
            case ProjectSetNode s -> windowed(s.input());
            default -> false;
        };
    }

    /**
     * Whether PostgreSQL's target list of the subquery has resjunk entries: ORDER BY, PARTITION BY or window ORDER BY
     * expressions, or GROUP BY keys, that the select list does not show.
     */
    private static boolean junk(PlanNode plan) {
        if (flaggedSetOperation(plan)) {
            return true;
        }
        if (!(plan instanceof ProjectNode projection)) {
            return false;
        }
        if ((projection.input() instanceof SortNode || projection.input() instanceof LimitNode
                || projection.input() instanceof DistinctNode) && projection.width() < projection.input().width()) {
            return true; // the projection finish() adds to drop ORDER BY-only columns
        }
        List<BoundExpr> shown = projection.expressions().stream().map(SubqueryQuals::withoutNames).toList();
        PlanNode p = projection.input();
        while (p instanceof WindowAggNode w) {
            for (BoundExpr k : w.keys()) {
                if (!shown.contains(SubqueryQuals.withoutNames(k))) {
                    return true;
                }
            }
            p = w.input();
        }
        if (p instanceof FilterNode f) {
            p = f.input(); // HAVING
        }
        if (p instanceof AggregateNode a) {
            for (int i = 0; i < a.groupKeys().size(); i++) {
                int key = i;
                if (shown.stream().noneMatch(e -> e instanceof InputRef in && in.index() == key)) {
                    return true;
                }
            }
        }
        return false;
    }
}
