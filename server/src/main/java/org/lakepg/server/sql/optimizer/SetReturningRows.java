package org.lakepg.server.sql.optimizer;

import java.util.List;
import org.lakepg.server.sql.plan.expr.BoundExpr;
import org.lakepg.server.sql.plan.expr.Const;
import org.lakepg.server.sql.plan.expr.FuncExpr;

/**
 * How many rows the set-returning calls of a select list give per input row (ProjectSet's estimate): the most any
 * call gives. An integer generate_series of constants is counted as its support function does
 * (generate_series_int4_support); other calls count one row, as before.
 */
final class SetReturningRows {
    private SetReturningRows() {}

    static double perInputRow(List<FuncExpr> calls) {
        double rows = 1;
        for (FuncExpr call : calls) {
            rows = Math.max(rows, rows(call));
        }
        return rows;
    }

    private static double rows(FuncExpr call) {
        List<BoundExpr> args = call.arguments();
        if (!"generate_series".equals(call.name()) || args.size() < 2 || args.size() > 3) {
            return 1;
        }
        Long start = integer(args.get(0));
        Long finish = integer(args.get(1));
        Long step = args.size() == 3 ? integer(args.get(2)) : Long.valueOf(1);
        if (start == null || finish == null || step == null || step == 0) {
            return 1;
        }
        double n = Math.floor(((double) finish - start + step) / step);
        return Math.max(0, n);
    }

    private static Long integer(BoundExpr e) {
        return e instanceof Const c && (c.value() instanceof Integer || c.value() instanceof Long || c.value() instanceof Short)
                ? ((Number) c.value()).longValue() : null;
    }
}
