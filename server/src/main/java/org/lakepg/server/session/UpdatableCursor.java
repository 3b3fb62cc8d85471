package org.lakepg.server.session;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.IndexScanNode;
import org.lakepg.server.sql.plan.LimitNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.SeqScanNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.table.TableInfo;

/**
 * A cursor's plan when it is a simply updatable scan of one table (what WHERE CURRENT OF needs): the same plan,
 * with each row carrying the scanned row's tid after its columns.
 */
record UpdatableCursor(PlanNode plan, TableInfo table) {

    /**
     * The plan rewritten to carry tids, or null when it is not a scan of one table: a join, an aggregate, or a sort
     * (whose rows come from its buffer, not from the scan's current row, as PostgreSQL's search_plan_tree sees it).
     */
    static UpdatableCursor of(PlanNode plan) {
        return of(plan, false);
    }

    /** With {@code forUpdate} (the cursor locks the rows it reads) the rows may also pass through a sort. */
    static UpdatableCursor of(PlanNode plan, boolean forUpdate) {
        return switch (plan) {
            case org.lakepg.server.sql.plan.SortNode s when forUpdate -> wrap(of(s.input(), true),
                    in -> new org.lakepg.server.sql.plan.SortNode(in, s.keys()));
            case SeqScanNode s -> new UpdatableCursor(new SeqScanNode(s.table(), true, s.alias()), s.table());
            case IndexScanNode s -> new UpdatableCursor(s.withTids(),
                    s.table());
            case FilterNode f -> wrap(of(f.input(), forUpdate), in -> new FilterNode(in, f.condition()));
            case LimitNode l -> wrap(of(l.input(), forUpdate), l::withInput);
            case ProjectNode p -> wrap(of(p.input(), forUpdate), in -> {
                List<BoundExpr> row = new ArrayList<>(p.expressions());
                // the rebuilt scan carries the tid last (a scan reading system columns already did)
                row.add(new InputRef(in.width() - 1, TypeOids.TID, -1, "ctid"));
                return new ProjectNode(in, row);
            });
            default -> null;
        };
    }

    private static UpdatableCursor wrap(UpdatableCursor inner, java.util.function.UnaryOperator<PlanNode> rebuild) {
        return inner == null ? null : new UpdatableCursor(rebuild.apply(inner.plan()), inner.table());
    }
}
