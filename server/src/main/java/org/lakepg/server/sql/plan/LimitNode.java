package org.lakepg.server.sql.plan;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.RelabelType;

/**
 * OFFSET / LIMIT, each an int8 expression evaluated once (null = none). With {@code ties} (FETCH FIRST n ROWS WITH
 * TIES: the ORDER BY keys) the rows that sort equal to the last counted one are returned as well.
 */
public record LimitNode(PlanNode input, BoundExpr offset, BoundExpr count, List<SortKey> ties) implements PlanNode {

    public LimitNode {
        ties = List.copyOf(ties);
    }

    public LimitNode(PlanNode input, BoundExpr offset, BoundExpr count) {
        this(input, offset, count, List.of());
    }

    public LimitNode withInput(PlanNode newInput) {
        return new LimitNode(newInput, offset, count, ties);
    }

    /**
     * PostgreSQL's limit_needed is false: no count, or a NULL one (LIMIT ALL), and no offset, a NULL or a constant 0
     * one; its plan has no Limit node then (OFFSET 0 still keeps the subquery apart).
     */
    public boolean needless() {
        return ties.isEmpty() && (count == null || constant(count) instanceof Const c && c.value() == null)
                && (offset == null || constant(offset) instanceof Const c && (c.value() == null
                    || c.value() instanceof Number n && n.longValue() == 0 && n.doubleValue() == 0));
    }

    /** A constant, also under a cast (OFFSET 0 is int4 0 cast to int8). */
    private static BoundExpr constant(BoundExpr e) {
        BoundExpr inner = e instanceof RelabelType r ? r.argument() : e;
        if (inner instanceof FuncExpr f && f.form() == FuncExpr.Form.CAST && !f.arguments().isEmpty()
                && f.arguments().get(0) instanceof Const c) {
            return c;
        }
        return inner;
    }

    @Override
    public int width() {
        return input.width();
    }
}
