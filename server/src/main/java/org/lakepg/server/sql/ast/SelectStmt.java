package org.lakepg.server.sql.ast;

import java.util.List;

/**
 * A SELECT, VALUES, TABLE or set operation. Leaf selects have op NONE; set operations have larg/rarg.
 * ORDER BY/LIMIT/locking/WITH on a set operation sit on the top node, as in PostgreSQL.
 * {@code distinctClause}: null without DISTINCT, one null element for plain DISTINCT (PostgreSQL's
 * list_make1(NIL)), the expressions of DISTINCT ON.
 * {@code limitCount} is a NULL constant for LIMIT ALL. List fields are never null and must not be modified.
 */
public record SelectStmt(
        List<Expr> distinctClause,
        IntoClause intoClause,
        List<ResTarget> targetList,
        List<FromItem> fromClause,
        Expr whereClause,
        List<Expr> groupClause,
        boolean groupDistinct,
        Expr havingClause,
        List<WindowDef> windowClause,
        List<List<Expr>> valuesLists,
        List<SortBy> sortClause,
        Expr limitOffset,
        Expr limitCount,
        LimitOption limitOption,
        List<LockingClause> lockingClause,
        WithClause withClause,
        SetOperation op,
        boolean all,
        SelectStmt larg,
        SelectStmt rarg) implements Statement {
    public enum LimitOption { DEFAULT, COUNT, WITH_TIES }

    public enum SetOperation { NONE, UNION, INTERSECT, EXCEPT }
}
