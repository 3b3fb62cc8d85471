package org.lakepg.server.function.scalar;

import java.util.Arrays;
import org.lakepg.server.function.FunctionRegistry;

/** The code behind calls of user SQL functions that are not inlined: the session runs their statements. */
public final class SqlFunctionCall {
    private SqlFunctionCall() {}

    public static void register(FunctionRegistry r) {
        r.register("lakepg_sql_function_call", (x, c) -> c.callSqlFunction((Long) x[0], Arrays.copyOfRange(x, 1, x.length)));
        // trigger functions are user functions too: how deeply they are nested right now
        r.register("pg_trigger_depth", (x, c) -> org.lakepg.server.trigger.TriggerDepth.current());
    }
}
