package org.lakepg.server.function.srf;

import java.util.Arrays;
import java.util.List;
import org.lakepg.server.sql.analyzer.ExpressionAnalyzer;

/** Set-returning user functions (PL/pgSQL): the session runs the body and hands back all its rows. */
final class UserSetFunctions {
    private UserSetFunctions() {}

    static void register(SetReturningFunctions r) {
        r.register(ExpressionAnalyzer.SQL_FUNCTION_CALL, (args, context) -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = (List<Object[]>) context.callSqlFunction((Long) args[0],
                    Arrays.copyOfRange(args, 1, args.length));
            return rows.iterator();
        });
    }
}
