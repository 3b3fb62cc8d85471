package org.lakepg.server.sql.ast;

import java.util.List;

/** MERGE INTO target USING source ON cond WHEN .... */
public record MergeStmt(
        RangeVar relation,
        FromItem sourceRelation,
        Expr joinCondition,
        List<MergeWhenClause> mergeWhenClauses,
        WithClause withClause) implements Statement {}
