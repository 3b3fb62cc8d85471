package org.lakepg.server.sql.optimizer;

import static org.lakepg.server.sql.optimizer.Conjuncts.conjuncts;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.FilterNode;
import org.lakepg.server.sql.plan.OutputColumn;
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
     * The WHERE with each conjunct that reads only FROM columns of one value on all rows (a pulled-up subquery's
     * select-list entry that reads no column, {@link #constantColumns}) written with those values, as PostgreSQL sees
     * it after pull-up: {@code a.n = b.n} over {@code (SELECT now() AS n ...) a} is {@code now() = now()}.
     */
    public static BoundExpr withConstantColumns(PlanNode from, BoundExpr where) {
        BoundExpr[] constant = constantColumns(from);
        List<BoundExpr> out = new ArrayList<>();
        boolean changed = false;
        for (BoundExpr c : conjuncts(where)) {
            if (c instanceof SubqueryExpr q && q.test() != null) {
                // x IN (SELECT ...) is pulled up as a semi join first (pull_up_sublinks runs before the constant
                // is known), which then folds x's value into its condition: 1 = 17 gives One-Time Filter: false
                out.add(c);
                continue;
            }
            BoundExpr substituted = substituted(c, constant);
            out.add(substituted != null ? substituted : c);
            changed |= substituted != null;
        }
        return changed ? Conjuncts.and(out) : where;
    }

    /** {@code e} with every column read replaced by its constant value; null when it reads none or another column. */
    private static BoundExpr substituted(BoundExpr e, BoundExpr[] constant) {
        boolean[] resolved = {true, false};
        BoundExpr out = ExprRewriter.map(e, x -> {
            if (x instanceof InputRef in) {
                if (in.index() < constant.length && constant[in.index()] != null) {
                    resolved[1] = true;
                    return constant[in.index()];
                }
                resolved[0] = false;
            }
            return x;
        });
        return resolved[0] && resolved[1] ? out : null;
    }

    /** Per output column of a FROM plan, its value when the same on every row, else null (through inner joins). */
    private static BoundExpr[] constantColumns(PlanNode p) {
        BoundExpr[] out = new BoundExpr[p.width()];
        switch (p) {
            case ProjectNode x -> {
                BoundExpr[] below = constantColumns(x.input());
                for (int i = 0; i < out.length; i++) {
                    BoundExpr e = x.expressions().get(i);
                    BoundExpr value = ExprRewriter.any(e, y -> y instanceof InputRef) ? substituted(e, below) : e;
                    if (value != null && (value instanceof Const
                            || pseudoconstant(value) && !ExprRewriter.any(value, y -> y instanceof SubqueryExpr))) {
                        out[i] = value;
                    }
                }
            }
            case org.lakepg.server.sql.plan.NestedLoopJoinNode j
                    when j.kind() == org.lakepg.server.sql.plan.NestedLoopJoinNode.Kind.INNER && j.lateral().isEmpty() -> {
                BoundExpr[] left = constantColumns(j.left());
                BoundExpr[] right = constantColumns(j.right());
                System.arraycopy(left, 0, out, 0, left.length);
                System.arraycopy(right, 0, out, left.length, Math.min(right.length, out.length - left.length));
            }
            default -> { }
        }
        return out;
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

    /**
     * Whether a condition reads only values handed down from an enclosing query (a subplan's or a LATERAL subquery's
     * outer columns, PARAM_EXEC) besides constants: within the subquery's own planning it has one value for all its
     * rows, so PostgreSQL checks it once, as a gating {@code Result}'s One-Time Filter.
     */
    public static boolean outerConstant(BoundExpr e) {
        return ExprRewriter.any(e, x -> x instanceof OuterParam) && !ExprRewriter.any(e, x -> x instanceof InputRef
                || x instanceof ParamRef || x instanceof FuncExpr f && f.volatility() == 'v'
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

    /**
     * No rows at all, with the FROM items' columns (their types and names): PostgreSQL's dummy relation keeps its
     * Vars, which EXPLAIN VERBOSE shows by their bare names ({@code Output: f1}) since no plan node scans their
     * relation. The projection reads past the Result's (empty) row; the constant-false filter never lets it run.
     */
    public static PlanNode emptyRows(List<OutputColumn> columns) {
        List<BoundExpr> refs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            OutputColumn c = columns.get(i);
            refs.add(new InputRef(i, c.type(), c.typmod(), c.name()));
        }
        return new ProjectNode(new FilterNode(new ResultNode(), new Const(TypeOids.BOOL, -1, false)), refs);
    }
}
