package org.lakepg.server.exec.operator;

import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.CompiledExpr;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.function.ScalarFunction;
import org.lakepg.server.sql.plan.AggregateCall;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * One running aggregate (no DISTINCT), for aggregates used as window functions: rows are added to a
 * state by the transition function with PostgreSQL's strictness rules; the result applies the
 * final function to the state as it stands, so more rows may be added afterwards.
 */
final class AggregateAccumulator {
    private final AggregateCall call;
    private final CompiledExpr[] args;
    private final CompiledExpr filter;
    private final ScalarFunction transition;
    private final ScalarFunction finish;
    private Object state;
    private boolean started;

    AggregateAccumulator(AggregateCall call, ExprCompiler compiler, FunctionRegistry functions) {
        this.call = call;
        this.args = call.arguments().stream().map(compiler::compile).toArray(CompiledExpr[]::new);
        this.filter = call.filter() == null ? null : compiler.compile(call.filter());
        this.transition = code(functions, call.transitionSource());
        this.finish = AggregateCalls.withArgumentTypes(
                call.finalSource() == null ? null : code(functions, call.finalSource()), call);
        reset();
    }

    private ScalarFunction code(FunctionRegistry functions, String source) {
        return functions.lookup(source).orElseThrow(() -> PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                "aggregate %s is not implemented in lakepg yet", call.name()));
    }

    void reset() {
        state = call.initialValue();
        started = false;
    }

    void add(Object[] row, ExecContext context) {
        if (filter != null && !Boolean.TRUE.equals(filter.eval(row, context))) {
            return;
        }
        Object[] values = new Object[args.length + 1];
        boolean anyNull = false;
        for (int i = 0; i < args.length; i++) {
            values[i + 1] = args[i].eval(row, context);
            anyNull |= values[i + 1] == null;
        }
        if (call.transitionStrict()) {
            if (anyNull) {
                return;
            }
            if (state == null) {
                if (!started && call.initialValue() == null) {
                    state = values[1];
                    started = true;
                }
                return;
            }
        }
        values[0] = state;
        state = transition.apply(values, context);
        started = true;
    }

    Object result(ExecContext context) {
        if (finish == null) {
            return state;
        }
        if (state == null && call.finalStrict()) {
            return null;
        }
        Object[] values = new Object[1 + (call.finalExtra() ? call.arguments().size() : 0)];
        values[0] = state;
        return finish.apply(values, context);
    }
}
