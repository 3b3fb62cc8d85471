package org.lakepg.server.sql.ast;

import java.util.List;

/** A subquery in an expression; {@code operName} is set for ANY/ALL (and IN as ANY with "="). */
public record SubLink(
        Kind kind,
        Expr testexpr,
        List<String> operName,
        SelectStmt subselect,
        int location) implements Expr {
    public enum Kind { EXISTS, ALL, ANY, ROWCOMPARE, EXPR, MULTIEXPR, ARRAY }
}
