package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.conjuncts;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.ResultNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.OuterParam;
import org.lakepg.server.sql.plan.expr.ParamRef;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/**
 * WHERE conjuncts that read no column of the query's rows (PostgreSQL's pseudoconstant quals): a constant false or
 * NULL makes the whole FROM empty (a dummy relation, shown as {@code Result / One-Time Filter: false}), a constant
 * true is dropped, and the others (stable calls of constants, uncorrelated subqueries) are checked above the joined
 * rows, where EXPLAIN shows them as a gating {@code Result} with {@code One-Time Filter}.
 */
public final class GatingQuals {
    private GatingQuals() {}

    /** The WHERE split: whether it never passes, the gating conjuncts (null: none) and the rest (null: none). */
    public record Split(boolean neverPasses, BoundExpr gate, BoundExpr rest) {}

    public static Split split(BoundExpr where) {
        List<BoundExpr> gate = new ArrayList<>();
        List<BoundExpr> rest = new ArrayList<>();
        for (BoundExpr c : conjuncts(where)) {
            if (c instanceof Const k) {
                if (!Boolean.TRUE.equals(k.value())) {
                    return new Split(true, null, null);
                }
            } else if (pseudoconstant(c)) {
                gate.add(c);
            } else {
                rest.add(c);
            }
        }
        return new Split(false, gate.isEmpty() ? null : Conjuncts.and(gate), rest.isEmpty() ? null : Conjuncts.and(rest));
    }

    /**
     * Whether a condition has one value for all the query's rows and is worth checking once: no column, nothing
     * volatile, no correlated subquery; outer values and parameters are left where they are (PostgreSQL would fold
     * a custom plan's parameters away).
     */
    public static boolean pseudoconstant(BoundExpr e) {
        return !(e instanceof Const) && !ExprRewriter.any(e, x -> x instanceof InputRef || x instanceof ParamRef
                || x instanceof OuterParam || x instanceof FuncExpr f && f.volatility() == 'v'
                || x instanceof SubqueryExpr q && q.correlated());
    }

    /** No rows at all, {@code width} columns wide: a row of NULLs behind a constant-false filter. */
    public static PlanNode emptyRows(int width) {
        List<BoundExpr> nulls = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            nulls.add(new Const(TypeOids.TEXT, -1, null));
        }
        return new ProjectNode(new FilterNode(new ResultNode(), new Const(TypeOids.BOOL, -1, false)), nulls);
    }
}
