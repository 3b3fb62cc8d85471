package org.lakepg.server.sql.analyzer;

import org.lakepg.server.sql.ast.IntoClause;
import org.lakepg.server.sql.ast.SelectStmt;
import org.lakepg.server.sql.ast.Statement;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * SELECT ... INTO where it cannot create a table: only a top-level SELECT (which the parser turns into CREATE TABLE
 * AS) may have it; anywhere else PostgreSQL refuses it with these errors.
 */
public final class SelectIntoPlaces {
    private SelectIntoPlaces() {}

    /** The INTO clause of a SELECT (of the first arm of a set operation, where the grammar allows it), or null. */
    public static IntoClause into(Statement statement) {
        if (!(statement instanceof SelectStmt s)) {
            return null;
        }
        return s.intoClause() != null ? s.intoClause() : into(s.larg());
    }

    /** transformSelectStmt's error for an INTO in a subquery, WITH item, DECLARE CURSOR or INSERT's query. */
    public static PgException notAllowedHere(IntoClause into) {
        PgException e = PgException.of(SqlState.SYNTAX_ERROR, "SELECT ... INTO is not allowed here");
        int location = into.rel() == null ? -1 : into.rel().location();
        return location >= 0 ? e.withPosition(location + 1) : e;
    }

    /** DECLARE CURSOR's query: refused at parse analysis, before the transaction-block check. */
    public static void checkCursorQuery(Statement query) {
        IntoClause into = into(query);
        if (into != null) {
            throw notAllowedHere(into);
        }
    }

    /** COPY (query) TO: PostgreSQL's BeginCopyTo. */
    public static void checkCopyQuery(Statement query) {
        if (into(query) != null) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "COPY (SELECT INTO) is not supported");
        }
    }

    /** CREATE VIEW's query: DefineView. */
    public static void checkViewQuery(Statement query) {
        if (into(query) != null) {
            throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED, "views must not contain SELECT INTO");
        }
    }
}
