package org.lakepg.server.sql.plan.expr;

import java.util.List;

/**
 * GREATEST / LEAST: the largest (smallest) non-NULL argument by the type's default btree
 * comparison function ({@code comparisonSource}, a prosrc returning an int4); NULL only when
 * every argument is NULL.
 */
public record MinMaxExpr(Op op, List<BoundExpr> arguments, long comparisonFunction, String comparisonSource,
                         long type, int typmod) implements BoundExpr {

    public enum Op { GREATEST, LEAST }

    public MinMaxExpr {
        arguments = List.copyOf(arguments);
    }
}
