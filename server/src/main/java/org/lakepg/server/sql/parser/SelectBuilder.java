package org.lakepg.server.sql.parser;

import java.util.List;
import org.lakepg.server.sql.ast.Expr;
import org.lakepg.server.sql.ast.FromItem;
import org.lakepg.server.sql.ast.IntoClause;
import org.lakepg.server.sql.ast.LockingClause;
import org.lakepg.server.sql.ast.ResTarget;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.SortBy;
import org.lakepg.server.sql.ast.WindowDef;
import org.lakepg.server.sql.ast.WithClause;

/** Mutable staging for SelectStmt's many fields while the grammar fills them in clause by clause. */
final class SelectBuilder {
    List<Expr> distinctClause;
    IntoClause intoClause;
    List<ResTarget> targetList = List.of();
    List<FromItem> fromClause = List.of();
    Expr whereClause;
    List<Expr> groupClause = List.of();
    boolean groupDistinct;
    Expr havingClause;
    List<WindowDef> windowClause = List.of();
    List<List<Expr>> valuesLists = List.of();
    List<SortBy> sortClause = List.of();
    Expr limitOffset;
    Expr limitCount;
    SelectStmt.LimitOption limitOption = SelectStmt.LimitOption.DEFAULT;
    List<LockingClause> lockingClause = List.of();
    WithClause withClause;
    SelectStmt.SetOperation op = SelectStmt.SetOperation.NONE;
    boolean all;
    SelectStmt larg;
    SelectStmt rarg;

    static SelectBuilder from(SelectStmt s) {
        SelectBuilder b = new SelectBuilder();
        b.distinctClause = s.distinctClause();
        b.intoClause = s.intoClause();
        b.targetList = s.targetList();
        b.fromClause = s.fromClause();
        b.whereClause = s.whereClause();
        b.groupClause = s.groupClause();
        b.groupDistinct = s.groupDistinct();
        b.havingClause = s.havingClause();
        b.windowClause = s.windowClause();
        b.valuesLists = s.valuesLists();
        b.sortClause = s.sortClause();
        b.limitOffset = s.limitOffset();
        b.limitCount = s.limitCount();
        b.limitOption = s.limitOption();
        b.lockingClause = s.lockingClause();
        b.withClause = s.withClause();
        b.op = s.op();
        b.all = s.all();
        b.larg = s.larg();
        b.rarg = s.rarg();
        return b;
    }

    SelectStmt build() {
        return new SelectStmt(distinctClause, intoClause, targetList, fromClause, whereClause, groupClause, groupDistinct,
                havingClause, windowClause, valuesLists, sortClause, limitOffset, limitCount, limitOption, lockingClause,
                withClause, op, all, larg, rarg);
    }
}
