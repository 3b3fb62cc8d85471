package org.lakepg.server.sql.ast;

import java.util.List;

/** INSERT; {@code selectStmt} null means DEFAULT VALUES. */
public record InsertStmt(
        RangeVar relation,
        List<ResTarget> cols,
        SelectStmt selectStmt,
        OnConflictClause onConflictClause,
        List<ResTarget> returningList,
        WithClause withClause,
        Overriding override) implements Statement {
    public enum Overriding { NOT_SET, USER_VALUE, SYSTEM_VALUE }
}
