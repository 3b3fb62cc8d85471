package org.lakepg.server.exec.operator;

import java.util.stream.LongStream;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.server.function.ScalarFunction;
import org.lakepg.server.function.scalar.ArgumentTypeAware;
import org.lakepg.server.sql.analyzer.ExpressionAnalyzer;
import org.lakepg.server.sql.plan.AggregateCall;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * An aggregate's transition and final function code, bound to the call's argument types the way PostgreSQL's
 * get_fn_expr_argtype lets polymorphic support functions see them (array_agg's element type, json_agg's value type).
 */
final class AggregateFunctions {
    private AggregateFunctions() {
    }

    /** The transition function, seeing (state type, aggregated argument types). */
    static ScalarFunction transition(FunctionRegistry functions, AggregateCall call) {
        int direct = call.directArguments();
        long[] types = LongStream.concat(LongStream.of(call.stateType()), call.arguments().subList(direct,
                direct + call.aggregatedArgumentCount()).stream().mapToLong(BoundExpr::type)).toArray();
        return bind(code(functions, call.transitionSource(), call.transitionFunction(), call.name()), types);
    }

    /** A moving aggregate's inverse function, seeing the same (state type, aggregated argument types) as its forward one. */
    static ScalarFunction inverse(FunctionRegistry functions, org.lakepg.server.sql.plan.MovingAggregateCall moving) {
        AggregateCall call = moving.forward();
        int direct = call.directArguments();
        long[] types = LongStream.concat(LongStream.of(call.stateType()), call.arguments().subList(direct,
                direct + call.aggregatedArgumentCount()).stream().mapToLong(BoundExpr::type)).toArray();
        return bind(code(functions, moving.inverseSource(), moving.inverseFunction(), call.name()), types);
    }

    /** The final function or null, seeing (state type, direct argument types, aggregated argument types). */
    static ScalarFunction finish(FunctionRegistry functions, AggregateCall call) {
        if (call.finalSource() == null) {
            return null;
        }
        long[] types = LongStream.concat(LongStream.of(call.stateType()), call.arguments().subList(0,
                call.directArguments() + call.aggregatedArgumentCount()).stream().mapToLong(BoundExpr::type)).toArray();
        return bind(code(functions, call.finalSource(), call.finalFunction(), call.name()), types);
    }

    private static ScalarFunction bind(ScalarFunction code, long[] types) {
        return code instanceof ArgumentTypeAware typed ? typed.withArgumentTypes(types) : code;
    }

    private static ScalarFunction code(FunctionRegistry functions, String source, long function, String aggregate) {
        if (source.equals(ExpressionAnalyzer.SQL_FUNCTION_CALL)) {
            // a user SQL or PL/pgSQL function (CREATE AGGREGATE ... sfunc = my_fn): the session runs its body
            return (args, context) -> context.callSqlFunction(function, args);
        }
        if (source.equals(ExpressionAnalyzer.POLYMORPHIC_SQL_FUNCTION_CALL)) {
            return new PolymorphicSupportCall(function, null);
        }
        return functions.lookup(source).orElseThrow(() -> PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                "aggregate %s is not implemented in lakepg yet", aggregate));
    }

    /**
     * A user function with polymorphic parameters (sfunc = f(anyelement, anyarray)): it learns the call's actual
     * argument types from a trailing text argument, as a direct call passes them (PlpgsqlPolymorphism).
     */
    private record PolymorphicSupportCall(long function, String types) implements ScalarFunction, ArgumentTypeAware {
        @Override
        public Object apply(Object[] args, org.lakepg.server.function.FunctionContext context) {
            if (types == null) {
                return context.callSqlFunction(function, args);
            }
            Object[] typed = java.util.Arrays.copyOf(args, args.length + 1);
            typed[args.length] = types;
            return context.callSqlFunction(function, typed);
        }

        @Override
        public ScalarFunction withArgumentTypes(long[] argumentTypes) {
            return new PolymorphicSupportCall(function,
                    org.lakepg.server.sql.analyzer.PlpgsqlPolymorphism.encode(argumentTypes));
        }
    }
}
