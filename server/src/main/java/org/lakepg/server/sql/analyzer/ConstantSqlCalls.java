package org.lakepg.server.sql.analyzer;

import java.util.List;
import org.lakepg.server.catalog.ProcEntry;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.exec.expr.TypeIO;
import org.lakepg.server.function.FunctionContext;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.wire.error.PgException;

/**
 * Calls of built-in immutable SQL-language functions (log(numeric), substring(x similar p escape e)) with
 * constant arguments, evaluated while planning as PostgreSQL's evaluate_function does before it would inline
 * them: such a call runs as a function, so its errors carry {@code CONTEXT: SQL function "f" statement 1}.
 */
final class ConstantSqlCalls {
    private ConstantSqlCalls() {}

    private static final long FIRST_USER_OID = org.lakepg.server.catalog.types.UserTypes.FIRST_USER_OID;

    /** The inlined body, or the constant it evaluates to when PostgreSQL would have evaluated the call. */
    static BoundExpr fold(ProcEntry proc, List<BoundExpr> arguments, BoundExpr inlined, TypeIO io,
                          FunctionContext context) {
        if (context == null || proc.oid() >= FIRST_USER_OID || proc.language() != ProcEntry.LANGUAGE_SQL
                || proc.volatility() != 'i' || !arguments.stream().allMatch(a -> a instanceof Const)) {
            return inlined;
        }
        if (proc.strict() && arguments.stream().anyMatch(a -> ((Const) a).isNull())) {
            return new Const(inlined.type(), -1, null);
        }
        try {
            Object value = new ExprCompiler(FunctionRegistry.builtins(), io).compile(inlined)
                    .eval(new Object[0], new ExecContext(context, new Object[0]));
            return new Const(inlined.type(), -1, value);
        } catch (PgException e) {
            String line = "SQL function \"" + proc.name() + "\" statement 1";
            throw e.withContext(e.context() == null ? line : e.context() + "\n" + line);
        } catch (RuntimeException notEvaluableNow) {
            // something only the running statement can evaluate: left to run with it
            return inlined;
        }
    }
}
