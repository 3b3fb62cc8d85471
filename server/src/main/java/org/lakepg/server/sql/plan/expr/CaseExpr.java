package org.lakepg.server.sql.plan.expr;

import java.util.List;

/** Searched CASE (a simple CASE is analyzed into equality tests); {@code otherwise} is a NULL Const when absent. */
public record CaseExpr(List<When> whens, BoundExpr otherwise, long type, int typmod) implements BoundExpr {

    public record When(BoundExpr condition, BoundExpr result) {}

    public CaseExpr {
        whens = List.copyOf(whens);
    }
}
