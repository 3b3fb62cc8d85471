package org.lakepg.server.sql.ast;

import java.util.List;

/** CREATE [OR REPLACE] RULE. */
public record RuleStmt(
        RangeVar relation,
        String rulename,
        Expr whereClause,
        Event event,
        boolean instead,
        List<Statement> actions,
        boolean replace) implements Statement {
    public enum Event { SELECT, UPDATE, INSERT, DELETE }
}
