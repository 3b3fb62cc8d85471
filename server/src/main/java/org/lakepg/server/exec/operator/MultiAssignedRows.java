package org.lakepg.server.exec.operator;

import java.util.ArrayList;
import java.util.List;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.function.scalar.RowFunctions;
import org.lakepg.server.sql.analyzer.ExprRewriter;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;
import org.lakepg.server.sql.plan.expr.InputRef;
import org.lakepg.server.sql.plan.expr.SubqueryExpr;

/**
 * {@code SET (a, b) = (SELECT ...)}: each assigned column takes a field of the one row the sub-SELECT gives, so the
 * sub-SELECT runs once per row, not once per column (PostgreSQL's MULTIEXPR SubPlan) — with a volatile function in it
 * the columns must still agree. The sub-SELECT's value is computed first and appended to the input row, where the
 * field selections read it.
 */
final class MultiAssignedRows {
    private final int inputWidth;
    private final CompiledExpr[] subqueries;

    private MultiAssignedRows(int inputWidth, CompiledExpr[] subqueries) {
        this.inputWidth = inputWidth;
        this.subqueries = subqueries;
    }

    /**
     * The expressions with each sub-SELECT whose fields two or more of them select replaced by a reference to the
     * column {@link #extend} adds; null when there is none (the expressions then compile as they are).
     */
    static MultiAssignedRows of(List<BoundExpr> expressions, int inputWidth, ExprCompiler compiler,
                                List<BoundExpr> rewritten) {
        List<SubqueryExpr> seen = new ArrayList<>();
        List<SubqueryExpr> shared = new ArrayList<>();
        for (BoundExpr e : expressions) {
            List<SubqueryExpr> here = new ArrayList<>();
            ExprRewriter.any(e, x -> {
                if (fieldSource(x) instanceof SubqueryExpr q && !here.contains(q)) {
                    here.add(q);
                }
                return false;
            });
            for (SubqueryExpr q : here) {
                if (seen.contains(q) && !shared.contains(q)) {
                    shared.add(q);
                }
                seen.add(q);
            }
        }
        if (shared.isEmpty()) {
            return null;
        }
        for (BoundExpr e : expressions) {
            rewritten.add(ExprRewriter.map(e, x -> {
                if (fieldSource(x) instanceof SubqueryExpr q && shared.contains(q)) {
                    FuncExpr f = (FuncExpr) x;
                    List<BoundExpr> args = new ArrayList<>(f.arguments());
                    args.set(0, new InputRef(inputWidth + shared.indexOf(q), q.type(), -1, null));
                    return new FuncExpr(f.function(), f.name(), f.source(), f.form(), args, f.strict(),
                            f.volatility(), f.type(), f.typmod());
                }
                return x;
            }));
        }
        CompiledExpr[] compiled = new CompiledExpr[shared.size()];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = compiler.compile(shared.get(i));
        }
        return new MultiAssignedRows(inputWidth, compiled);
    }

    /** Expressions compiled to compute one output row from an input row of {@code inputWidth} columns. */
    static Projection projection(List<BoundExpr> expressions, int inputWidth, ExprCompiler compiler) {
        List<BoundExpr> rewritten = new ArrayList<>();
        MultiAssignedRows multi = of(expressions, inputWidth, compiler, rewritten);
        List<BoundExpr> compiled = multi == null ? expressions : rewritten;
        return new Projection(multi, compiled.stream().map(compiler::compile).toArray(CompiledExpr[]::new));
    }

    /** The compiled expressions of a projection, with the sub-SELECTs several of them share. */
    record Projection(MultiAssignedRows multi, CompiledExpr[] expressions) {
        Object[] apply(Object[] row, ExecContext context) {
            Object[] in = multi == null ? row : multi.extend(row, context);
            Object[] out = new Object[expressions.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = expressions[i].eval(in, context);
            }
            return out;
        }

        int size() {
            return expressions.length;
        }
    }

    /** The input row followed by the row each shared sub-SELECT gives for it. */
    Object[] extend(Object[] row, ExecContext context) {
        Object[] out = java.util.Arrays.copyOf(row, inputWidth + subqueries.length);
        for (int i = 0; i < subqueries.length; i++) {
            out[inputWidth + i] = subqueries[i].eval(row, context);
        }
        return out;
    }

    /** The row a field selection {@code lakepg_field(row, n)} reads, or null for another expression. */
    private static BoundExpr fieldSource(BoundExpr e) {
        return e instanceof FuncExpr f && RowFunctions.FIELD.equals(f.name()) && f.arguments().size() >= 2
                && f.arguments().get(1) instanceof Const ? f.arguments().get(0) : null;
    }
}
