package org.lakepg.server.sql.ast;

import java.util.List;

/**
 * An operator expression; {@code name} is the operator's (possibly schema-qualified) name list, {@code
 * OPERATOR(pg_catalog.~)} kept as [pg_catalog, ~]. For IN, right is an ExprList; for BETWEEN kinds, right is an
 * ExprList of the two bounds. Prefix operators have a null left.
 */
public record AExpr(Kind kind, List<String> name, Expr left, Expr right, int location) implements Expr {
    public enum Kind {
        OP, OP_ANY, OP_ALL, DISTINCT, NOT_DISTINCT, NULLIF, IN, LIKE, ILIKE, SIMILAR, BETWEEN, NOT_BETWEEN,
        BETWEEN_SYM, NOT_BETWEEN_SYM
    }
}
