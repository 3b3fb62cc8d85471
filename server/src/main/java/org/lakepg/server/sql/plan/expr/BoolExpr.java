package org.lakepg.server.sql.plan.expr;

import java.util.List;
import org.lakepg.server.catalog.TypeOids;

/** AND / OR with SQL's three-valued logic, and NOT. */
public record BoolExpr(Kind kind, List<BoundExpr> arguments) implements BoundExpr {

    public enum Kind { AND, OR, NOT }

    public BoolExpr {
        arguments = List.copyOf(arguments);
    }

    @Override
    public long type() {
        return TypeOids.BOOL;
    }

    @Override
    public int typmod() {
        return -1;
    }
}
