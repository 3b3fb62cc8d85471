package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.NullTest;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/**
 * PostgreSQL's process_equivalence on a WHERE conjunct {@code X = X}: a strict btree equality of an expression with
 * itself holds exactly when X is not null, so it becomes {@code X IS NOT NULL} (which is also how it is estimated and
 * shown). Only a conjunct that could join an equivalence class qualifies: it reads a column of the query's own FROM,
 * calls nothing volatile and holds no subquery.
 */
public final class SelfEqualities {
    private SelfEqualities() {}

    public static BoundExpr rewrite(BoundExpr where) {
        if (where == null) {
            return null;
        }
        List<BoundExpr> conjuncts = Conjuncts.conjuncts(where);
        List<BoundExpr> out = new ArrayList<>(conjuncts.size());
        boolean changed = false;
        for (BoundExpr c : conjuncts) {
            BoundExpr operand = selfCompared(c);
            if (operand != null) {
                out.add(new NullTest(operand, true));
                changed = true;
            } else {
                out.add(c);
            }
        }
        return changed ? Conjuncts.and(out) : where;
    }

    /** The X of a strict btree equality {@code X = X}, or null. */
    private static BoundExpr selfCompared(BoundExpr c) {
        if (!(c instanceof FuncExpr f) || f.form() != FuncExpr.Form.OPERATOR || !f.name().equals("=")
                || f.arguments().size() != 2 || !f.strict()) {
            return null;
        }
        BoundExpr x = f.arguments().get(0);
        // of no column of this level (only outer values) it is a pseudoconstant, which joins no class
        if (!x.equals(f.arguments().get(1)) || !QualOrder.btreeEquality(x.type()) || Conjuncts.refs(x).isEmpty()
                || ExprRewriter.any(x, e -> e instanceof FuncExpr g && g.volatility() == 'v'
                        || e instanceof SubqueryExpr)) {
            return null;
        }
        return x;
    }
}
