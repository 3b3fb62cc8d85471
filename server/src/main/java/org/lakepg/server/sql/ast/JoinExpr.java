package org.lakepg.server.sql.ast;

import java.util.List;

/** A join; {@code quals} for ON, {@code usingClause} for USING. */
public record JoinExpr(
        JoinType jointype,
        boolean isNatural,
        FromItem larg,
        FromItem rarg,
        List<String> usingClause,
        Alias joinUsingAlias,
        Expr quals,
        Alias alias) implements FromItem {
    public enum JoinType { INNER, LEFT, FULL, RIGHT, CROSS }
}
