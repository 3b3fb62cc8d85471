package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.conjuncts;
import static org.lakepg.server.sql.optimizer.Conjuncts.shift;
import static org.lakepg.server.sql.optimizer.Conjuncts.unwrap;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.plan.NestedLoopJoinNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.CoalesceExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;

/**
 * PostgreSQL's reconsider_full_join_clause: under {@code WHERE COALESCE(a.x, b.y) = constant} (a FULL JOIN USING
 * column compared with a constant) over a join on {@code a.x = b.y}, every row that passes has the constant in
 * whichever side is not NULL-padded, and a row of one side can only match rows of the other holding the same value;
 * so each side is filtered by the constant before the join, and the WHERE condition goes.
 */
final class FullJoinConstants {
    private FullJoinConstants() {}

    /** The conditions for each side (over its own columns; null: none) and the WHERE conditions left. */
    record Pushed(BoundExpr left, BoundExpr right, List<BoundExpr> rest) {}

    /** The pushed conditions, or null when no WHERE condition compares a merged column with a constant. */
    static Pushed push(NestedLoopJoinNode j, List<BoundExpr> where) {
        int leftWidth = j.left().width();
        List<BoundExpr> left = new ArrayList<>();
        List<BoundExpr> right = new ArrayList<>();
        List<BoundExpr> rest = new ArrayList<>();
        List<BoundExpr> on = conjuncts(j.condition());
        for (BoundExpr c : where) {
            if (c instanceof FuncExpr eq && isEquality(eq)) {
                int side = unwrap(eq.arguments().get(0)) instanceof CoalesceExpr ? 0 : 1;
                if (unwrap(eq.arguments().get(side)) instanceof CoalesceExpr coalesce
                        && eq.arguments().get(1 - side) instanceof Const
                        && coalesce.arguments().size() == 2
                        && coalesce.arguments().get(0) instanceof InputRef a && a.index() < leftWidth
                        && coalesce.arguments().get(1) instanceof InputRef b && b.index() >= leftWidth
                        && a.type() == coalesce.type() && b.type() == coalesce.type()
                        && on.stream().anyMatch(o -> joins(o, a, b))) {
                    left.add(replaced(eq, side, a));
                    right.add(shift(replaced(eq, side, b), -leftWidth));
                    continue;
                }
            }
            rest.add(c);
        }
        if (left.isEmpty()) {
            return null;
        }
        return new Pushed(Conjuncts.and(left), Conjuncts.and(right), rest);
    }

    /** Whether the ON condition is {@code a = b}, the left side's column first as PostgreSQL requires. */
    private static boolean joins(BoundExpr o, InputRef a, InputRef b) {
        return o instanceof FuncExpr f && isEquality(f) && unwrap(f.arguments().get(0)) instanceof InputRef x
                && unwrap(f.arguments().get(1)) instanceof InputRef y && x.index() == a.index() && y.index() == b.index();
    }

    private static FuncExpr replaced(FuncExpr eq, int side, InputRef column) {
        List<BoundExpr> arguments = new ArrayList<>(eq.arguments());
        arguments.set(side, column);
        return new FuncExpr(eq.function(), eq.name(), eq.source(), eq.form(), arguments, eq.strict(), eq.volatility(),
                eq.type(), eq.typmod());
    }

    private static boolean isEquality(FuncExpr f) {
        return f.form() == FuncExpr.Form.OPERATOR && f.name().equals("=") && f.arguments().size() == 2;
    }
}
