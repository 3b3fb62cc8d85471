package org.lakepg.server.sql.ast;

import java.util.List;

/**
 * BEGIN/START TRANSACTION/COMMIT/END/ROLLBACK/ABORT/SAVEPOINT/RELEASE/ROLLBACK TO/PREPARE TRANSACTION/COMMIT
 * PREPARED/ROLLBACK PREPARED; options are transaction_isolation / transaction_read_only / transaction_deferrable
 * DefElems.
 */
public record TransactionStmt(
        Kind kind,
        List<DefElem> options,
        String savepointName,
        String gid,
        boolean chain) implements Statement {
    public enum Kind {
        BEGIN, START, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, ROLLBACK_TO, PREPARE, COMMIT_PREPARED,
        ROLLBACK_PREPARED
    }
}
