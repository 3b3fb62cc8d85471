package org.lakepg.server.function.scalar;

import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.exec.expr.WireTypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/**
 * One conversion json(b)_populate_record applies, analyzed with the value as input column 0: a text's input to a
 * column's type (with its typmod and domain tests), or a domain's tests on a built array or row. Compiled on first use.
 */
public final class JsonPopulateConversion {
    private final BoundExpr expression;
    private volatile CompiledExpr compiled;

    public JsonPopulateConversion(BoundExpr expression) {
        this.expression = expression;
    }

    Object apply(Object value, FunctionContext context) {
        CompiledExpr code = compiled;
        if (code == null) {
            code = new ExprCompiler(FunctionRegistry.builtins(), WireTypeIO.INSTANCE).compile(expression);
            compiled = code;
        }
        ExecContext exec = context instanceof ExecContext e ? e : new ExecContext(context, new Object[0]);
        return code.eval(new Object[] {value}, exec);
    }

    @Override
    public String toString() {
        return expression.toString();
    }
}
