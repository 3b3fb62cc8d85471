package org.lakepg.server.sql.optimizer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.expr.BoolExpr;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.RelabelType;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/** The planner's view of a condition as a list of ANDed parts over the input columns of a plan node. */
public final class Conjuncts {
    private Conjuncts() {}

    /** The parts of a condition joined by AND (a condition without AND is its only part). */
    public static List<BoundExpr> conjuncts(BoundExpr e) {
        List<BoundExpr> out = new ArrayList<>();
        if (e instanceof BoolExpr b && b.kind() == BoolExpr.Kind.AND) {
            b.arguments().forEach(a -> out.addAll(conjuncts(a)));
        } else {
            out.add(e);
        }
        return out;
    }

    /** The parts ANDed again; one part stands alone. */
    static BoundExpr and(List<BoundExpr> conjuncts) {
        return conjuncts.size() == 1 ? conjuncts.get(0) : new BoolExpr(BoolExpr.Kind.AND, conjuncts);
    }

    /** Conditions that may move: no subqueries (they may count on their position) and nothing volatile. */
    static boolean pushable(BoundExpr e) {
        return !ExprRewriter.any(e, x -> x instanceof SubqueryExpr || x instanceof FuncExpr f && f.volatility() == 'v');
    }

    /** The input columns an expression reads. */
    static BitSet refs(BoundExpr e) {
        BitSet out = new BitSet();
        ExprRewriter.any(e, x -> {
            if (x instanceof InputRef in) {
                out.set(in.index());
            }
            return false;
        });
        return out;
    }

    /** The expression over an input whose columns moved by {@code delta} (the right side of a join). */
    static BoundExpr shift(BoundExpr e, int delta) {
        return ExprRewriter.map(e, x -> x instanceof InputRef in
                ? new InputRef(in.index() + delta, in.type(), in.typmod(), in.name()) : x);
    }

    /** The expression under binary-compatible relabelings. */
    static BoundExpr unwrap(BoundExpr e) {
        return e instanceof RelabelType r ? unwrap(r.argument()) : e;
    }
}
