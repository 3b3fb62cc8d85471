package org.lakepg.server.sql.analyzer;

import java.util.List;
import org.lakepg.server.catalog.TypeOids;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;

/**
 * The arguments a query passed to a function, as deparsers print them: a call of a user's SQL or PL/pgSQL function
 * carries the function's OID first and, for polymorphic ones, the argument types last (ExpressionAnalyzer's
 * SQL_FUNCTION_CALL), which are ours.
 */
public final class SqlFunctionCallArguments {
    private SqlFunctionCallArguments() {}

    public static List<BoundExpr> of(FuncExpr f) {
        List<BoundExpr> args = f.arguments();
        if (!ExpressionAnalyzer.SQL_FUNCTION_CALL.equals(f.source()) || args.isEmpty()
                || !(args.get(0) instanceof Const oid && oid.type() == TypeOids.OID)) {
            return args;
        }
        args = args.subList(1, args.size());
        if (!args.isEmpty() && args.get(args.size() - 1) instanceof Const last && last.type() == TypeOids.TEXT
                && last.value() instanceof String types && types.matches("[0-9]+(,[0-9]+)*")
                && types.split(",").length == args.size() - 1) {
            args = args.subList(0, args.size() - 1);
        }
        return args;
    }
}
