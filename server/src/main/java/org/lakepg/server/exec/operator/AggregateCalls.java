package org.lakepg.server.exec.operator;

import org.lakepg.server.function.ScalarFunction;
import org.lakepg.server.function.scalar.ArgumentTypeAware;
import org.lakepg.server.sql.plan.AggregateCall;
import org.lakepg.server.sql.plan.expr.BoundExpr;

/** Binding an aggregate's support code to the call (array_agg's final function builds an array of the argument's type). */
final class AggregateCalls {
    private AggregateCalls() {}

    /** The code bound to the aggregated arguments' types when it asks for them; null stays null. */
    static ScalarFunction withArgumentTypes(ScalarFunction code, AggregateCall call) {
        if (code instanceof ArgumentTypeAware typed) {
            return typed.withArgumentTypes(call.arguments().stream().mapToLong(BoundExpr::type).toArray());
        }
        return code;
    }
}
