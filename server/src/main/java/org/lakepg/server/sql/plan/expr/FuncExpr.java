package org.lakepg.server.sql.plan.expr;

import java.util.List;

/**
 * A call of a catalog function: written as a function, as an operator, or implied by a cast.
 * {@code function} is the pg_proc OID; {@code source} its prosrc (which code runs);
 * {@code strict} as proisstrict: a NULL argument gives NULL without calling it.
 */
public record FuncExpr(
        long function,
        String name,
        String source,
        Form form,
        List<BoundExpr> arguments,
        boolean strict,
        char volatility,
        long type,
        int typmod) implements BoundExpr {

    public enum Form { CALL, OPERATOR, CAST }

    public FuncExpr {
        arguments = List.copyOf(arguments);
    }
}
