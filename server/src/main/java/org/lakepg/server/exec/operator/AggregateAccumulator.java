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

    /** The moving-aggregate inverse function, or null for a plain aggregate. */
    private final ScalarFunction inverse;
    private final boolean inverseStrict;
    /** How many rows the state holds (PostgreSQL's transValueCount): the last one is removed by starting anew. */
    private int count;

    AggregateAccumulator(AggregateCall call, ExprCompiler compiler, FunctionRegistry functions) {
        this(call, compiler, functions, null, false);
    }

    /** The moving-aggregate form: its forward aggregate with the inverse function. */
    AggregateAccumulator(org.lakepg.server.sql.plan.MovingAggregateCall moving, ExprCompiler compiler,
                         FunctionRegistry functions) {
        this(moving.forward(), compiler, functions, AggregateFunctions.inverse(functions, moving), moving.inverseStrict());
    }

    private AggregateAccumulator(AggregateCall call, ExprCompiler compiler, FunctionRegistry functions,
                                 ScalarFunction inverse, boolean inverseStrict) {
        this.call = call;
        this.args = call.arguments().stream().map(compiler::compile).toArray(CompiledExpr[]::new);
        this.filter = call.filter() == null ? null : compiler.compile(call.filter());
        this.transition = AggregateFunctions.transition(functions, call);
        this.finish = AggregateFunctions.finish(functions, call);
        this.inverse = inverse;
        this.inverseStrict = inverseStrict;
        reset();
    }

    void reset() {
        state = call.initialValue();
        started = false;
        count = 0;
    }

    /**
     * Takes a row that left the frame out of the state (advance_windowaggregate_base); false when the inverse
     * function cannot (it returned NULL), and the caller aggregates the frame anew.
     */
    boolean remove(Object[] row, ExecContext context) {
        if (filter != null && !Boolean.TRUE.equals(filter.eval(row, context))) {
            return true;
        }
        Object[] values = new Object[args.length + 1];
        boolean anyNull = false;
        for (int i = 0; i < args.length; i++) {
            values[i + 1] = args[i].eval(row, context);
            anyNull |= values[i + 1] == null;
        }
        if (inverseStrict && anyNull) {
            return true;
        }
        if (count == 1) {
            reset(); // removing the last row gives the initial state, which the inverse function cannot
            return true;
        }
        values[0] = state;
        Object next = inverse.apply(values, context);
        if (next == null) {
            return false;
        }
        state = next;
        count--;
        return true;
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
                    count = 1;
                }
                return;
            }
        }
        values[0] = state;
        state = transition.apply(values, context);
        if (state == null && inverse != null) {
            throw PgException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "moving-aggregate transition function must not return null");
        }
        started = true;
        count++;
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
