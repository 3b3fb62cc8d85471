package org.lakepg.server.sql.analyzer;

import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.exec.expr.TypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.sql.plan.FunctionScanNode;
import org.lakepg.server.sql.plan.PlanNode;
import org.lakepg.server.sql.plan.ProjectNode;
import org.lakepg.server.sql.plan.ResultNode;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;

/**
 * PostgreSQL's pull_up_constant_function: a FROM item of one scalar function call that evaluates to a constant
 * while planning ({@code f_immutable_int4(1)}: immutable, constant arguments, any language) is one row of that
 * value, the same as {@code (select 1 as x)}; the planner then leaves it out of inner joins (ConstantRelations).
 */
final class ConstantFunctionItems {
    private ConstantFunctionItems() {}

    /** The item as a one-row projection of its value, or null when it stays a function scan. */
    static PlanNode pullUp(FunctionItems.Analyzed analyzed, ExpressionAnalyzer expressions) {
        FunctionScanNode scan = analyzed.plan();
        if (scan.ordinality() || scan.functions().size() != 1) {
            return null;
        }
        FunctionScanNode.Function function = scan.functions().get(0);
        if (function.returnsSet() || function.spreadsRow() || function.columns() != 1
                || function.call().type() == TypeOids.RECORD) {
            return null; // PostgreSQL punts on composite results too
        }
        BoundExpr value = expressions.foldFunctionItem(function.call());
        return value instanceof Const ? new ProjectNode(new ResultNode(), List.of(value)) : null;
    }

    /**
     * An immutable user function (SQL or PL/pgSQL) of constants evaluated now, as evaluate_function does for
     * every immutable call; left as it is when it cannot run yet or fails (the scan then reports the error).
     */
    static BoundExpr evaluated(BoundExpr e, TypeIO io, FunctionContext context) {
        if (context == null || !(e instanceof FuncExpr f) || !ExpressionAnalyzer.SQL_FUNCTION_CALL.equals(f.source())
                || f.volatility() != 'i' || !f.arguments().stream().allMatch(a -> a instanceof Const)) {
            return e;
        }
        try {
            Object value = new ExprCompiler(FunctionRegistry.builtins(), io).compile(f)
                    .eval(new Object[0], ExecContext.planning(context));
            return new Const(f.type(), f.typmod(), value);
        } catch (RuntimeException notEvaluableNow) {
            return e;
        }
    }
}
