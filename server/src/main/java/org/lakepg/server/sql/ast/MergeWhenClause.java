package org.lakepg.server.sql.ast;

import java.util.List;

/** WHEN [NOT] MATCHED [AND cond] THEN UPDATE/DELETE/INSERT/DO NOTHING. */
public record MergeWhenClause(
        boolean matched,
        CommandType commandType,
        InsertStmt.Overriding override,
        Expr condition,
        List<ResTarget> targetList,
        List<Expr> values) {
    public enum CommandType { UPDATE, DELETE, INSERT, NOTHING }
}
