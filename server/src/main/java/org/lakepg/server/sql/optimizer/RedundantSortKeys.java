package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;

/**
 * ORDER BY keys the WHERE holds to a constant ({@code where fault = 122 order by fault}): every row has the same
 * value there, so the key orders nothing. PostgreSQL's pathkey for such an equivalence class is redundant
 * (pathkey_is_redundant), and a query whose keys are all redundant is not sorted at all.
 */
public final class RedundantSortKeys {
    private RedundantSortKeys() {}

    /** {@code sorts} without those whose expression (over the FROM row, as the WHERE) a WHERE conjunct equates to a constant. */
    public static <T> List<T> without(BoundExpr where, List<T> sorts, Function<T, BoundExpr> expression) {
        if (where == null || sorts.isEmpty()) {
            return sorts;
        }
        List<BoundExpr> constant = new ArrayList<>();
        for (BoundExpr c : Conjuncts.conjuncts(where)) {
            if (c instanceof FuncExpr f && f.form() == FuncExpr.Form.OPERATOR && f.name().equals("=")
                    && f.arguments().size() == 2 && f.volatility() != 'v') {
                BoundExpr a = f.arguments().get(0);
                BoundExpr b = f.arguments().get(1);
                if (b instanceof Const && !(a instanceof Const) && Conjuncts.pushable(a)) {
                    constant.add(unnamed(a));
                } else if (a instanceof Const && !(b instanceof Const) && Conjuncts.pushable(b)) {
                    constant.add(unnamed(b));
                }
            }
        }
        if (constant.isEmpty()) {
            return sorts;
        }
        List<T> kept = new ArrayList<>();
        for (T sort : sorts) {
            if (!constant.contains(unnamed(expression.apply(sort)))) {
                kept.add(sort);
            }
        }
        return kept.size() == sorts.size() ? sorts : kept;
    }

    /** The expression with its columns' EXPLAIN names left out, so the same column compares equal wherever it is named. */
    private static BoundExpr unnamed(BoundExpr e) {
        return ExprRewriter.map(e, x -> x instanceof InputRef in ? new InputRef(in.index(), in.type(), in.typmod(), null) : x);
    }
}
