package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.and;
import static org.lakepg.server.sql.optimizer.Conjuncts.conjuncts;
import static org.lakepg.server.sql.optimizer.Conjuncts.pushable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.LockRowsNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.SortNode;
import org.lakepg.server.sql.plan.SubqueryScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;

/**
 * A FROM subquery with FOR UPDATE/SHARE ({@code SELECT * FROM (SELECT ... FOR UPDATE) ss WHERE ...}), planned as
 * PostgreSQL plans it. Its outer WHERE is pushed into the subquery below LockRows (set_subquery_pathlist pushes a safe
 * qual), so only the rows the query returns are locked (the SELECT reference page: "will lock only rows having
 * col1 = 5"); filtering above LockRows would lock the rows the WHERE drops too. Conditions that may not move
 * (volatile calls, subqueries) stay above the Subquery Scan. LockRows does not project: the subquery's select list and
 * the locked row's ctid are computed below it.
 */
public final class LockedSubqueryQuals {
    private LockedSubqueryQuals() {}

    /** Whether the subquery locks its rows in a shape this class pushes conditions into. */
    public static boolean applies(SubqueryScanNode scan) {
        return locks(scan.input());
    }

    /** Whether the plan's rows are locked by a LockRows under its projections and sorts (hasForUpdate, no LIMIT). */
    public static boolean locks(PlanNode p) {
        return switch (p) {
            case LockRowsNode l -> true;
            case ProjectNode x -> locks(x.input());
            case SortNode s -> locks(s.input());
            default -> false;
        };
    }

    /**
     * The subquery's select list computed below its LockRows, with the tid after it, when one table's rows are locked:
     * {@code Project(LockRows(rows))} becomes {@code LockRows(Project(rows, select list + ctid))}, same rows.
     */
    public static PlanNode projectedBelowLock(PlanNode plan) {
        if (!(plan instanceof ProjectNode projection) || !(projection.input() instanceof LockRowsNode lock)
                || !lock.keepRow() || lock.tableOidColumn() >= 0 || lock.input() instanceof LockRowsNode) {
            return plan;
        }
        List<BoundExpr> row = new ArrayList<>(projection.expressions());
        row.add(new InputRef(lock.tidColumn(), TypeOids.TID, -1, "ctid"));
        return new LockRowsNode(new ProjectNode(lock.input(), row), lock.table(), projection.expressions().size(),
                lock.mode(), lock.policy(), false, -1, lock.members());
    }

    /**
     * The subquery with the movable conditions below its LockRows; {@code filteredScan} plans a table scan under a
     * condition (index choice included).
     */
    public static SubqueryQuals.Pushed push(SubqueryScanNode scan, BoundExpr where,
                                            BiFunction<SeqScanNode, BoundExpr, PlanNode> filteredScan) {
        List<BoundExpr> below = new ArrayList<>();
        List<BoundExpr> remaining = new ArrayList<>();
        for (BoundExpr c : conjuncts(where)) {
            BoundExpr inside = throughProjections(scan.input(), c);
            if (pushable(c) && pushable(inside) && !ExprRewriter.any(c, e -> e instanceof OuterParam)) {
                below.add(c);
            } else {
                remaining.add(c);
            }
        }
        if (below.isEmpty()) {
            return new SubqueryQuals.Pushed(scan, where);
        }
        PlanNode subquery = pushed(scan.input(), below, filteredScan);
        return new SubqueryQuals.Pushed(scan.withInput(subquery), remaining.isEmpty() ? null : and(remaining));
    }

    /** The condition over the rows below the projections and locks on top of {@code p}. */
    private static BoundExpr throughProjections(PlanNode p, BoundExpr c) {
        return switch (p) {
            case ProjectNode x -> throughProjections(x.input(), inputs(x, c));
            case LockRowsNode l -> throughProjections(l.input(), c);
            case SortNode s -> throughProjections(s.input(), c);
            default -> c;
        };
    }

    private static BoundExpr inputs(ProjectNode x, BoundExpr c) {
        return ExprRewriter.map(c, e -> e instanceof InputRef in ? x.expressions().get(in.index()) : e);
    }

    /** {@code p} with the conditions (over its output) applied below its projections and locks. */
    private static PlanNode pushed(PlanNode p, List<BoundExpr> conditions,
                                   BiFunction<SeqScanNode, BoundExpr, PlanNode> filteredScan) {
        return switch (p) {
            case ProjectNode x -> new ProjectNode(pushed(x.input(), conditions.stream().map(c -> inputs(x, c)).toList(),
                    filteredScan), x.expressions());
            case LockRowsNode l -> new LockRowsNode(pushed(l.input(), conditions, filteredScan), l.table(),
                    l.tidColumn(), l.mode(), l.policy(), l.keepRow(), l.tableOidColumn(), l.members());
            case SortNode s -> new SortNode(pushed(s.input(), conditions, filteredScan), s.keys());
            default -> filtered(p, conditions, filteredScan);
        };
    }

    /** The rows under the conditions: one table's scan is planned again with them, so an index may serve them. */
    private static PlanNode filtered(PlanNode input, List<BoundExpr> conditions,
                                     BiFunction<SeqScanNode, BoundExpr, PlanNode> filteredScan) {
        List<BoundExpr> all = new ArrayList<>();
        PlanNode base = input;
        if (input instanceof FilterNode f) {
            all.addAll(conjuncts(f.condition()));
            base = f.input();
        }
        all.addAll(conditions);
        if (base instanceof SeqScanNode table) {
            return filteredScan.apply(table, QualOrder.equalitiesLast(and(all)));
        }
        return new FilterNode(base, and(all));
    }
}
