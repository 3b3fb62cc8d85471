package org.lakepg.server.session;

import org.lakepg.server.sql.ast.AConst;
import org.lakepg.server.sql.ast.DefElem;
import org.lakepg.server.sql.ast.TransactionStmt;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/** BEGIN, COMMIT, ROLLBACK and savepoints, with PostgreSQL's command tags. */
final class TransactionCommands {
    private final TransactionBlock block;

    TransactionCommands(TransactionBlock block) {
        this.block = block;
    }

    /** Statements a failed block still accepts. */
    static boolean allowedInFailedBlock(TransactionStmt t) {
        return switch (t.kind()) {
            case COMMIT, ROLLBACK, ROLLBACK_TO, PREPARE, COMMIT_PREPARED, ROLLBACK_PREPARED -> true;
            default -> false;
        };
    }

    Execution run(TransactionStmt t) {
        return switch (t.kind()) {
            case BEGIN -> {
                block.begin(modes(t));
                yield Execution.done("BEGIN");
            }
            case START -> {
                block.begin(modes(t));
                yield Execution.done("START TRANSACTION");
            }
            case COMMIT -> Execution.done(block.commit(t.chain()));
            case ROLLBACK -> Execution.done(block.rollback(t.chain()));
            case SAVEPOINT -> {
                block.savepoint(t.savepointName());
                yield Execution.done("SAVEPOINT");
            }
            case RELEASE -> {
                block.releaseSavepoint(t.savepointName());
                yield Execution.done("RELEASE");
            }
            case ROLLBACK_TO -> {
                block.rollbackToSavepoint(t.savepointName());
                yield Execution.done("ROLLBACK");
            }
            case PREPARE, COMMIT_PREPARED, ROLLBACK_PREPARED -> throw PgException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "prepared transactions are disabled")
                    .withHint("Set max_prepared_transactions to a nonzero value.");
        };
    }

    static TransactionModes modes(TransactionStmt t) {
        TransactionModes.IsolationLevel isolation = null;
        Boolean readOnly = null;
        Boolean deferrable = null;
        for (DefElem option : t.options()) {
            String value = option.arg() instanceof AConst c ? c.value() : String.valueOf(option.arg());
            switch (option.defname()) {
                case "transaction_isolation" -> isolation = switch (value) {
                    case "read uncommitted" -> TransactionModes.IsolationLevel.READ_UNCOMMITTED;
                    case "read committed" -> TransactionModes.IsolationLevel.READ_COMMITTED;
                    case "repeatable read" -> TransactionModes.IsolationLevel.REPEATABLE_READ;
                    default -> TransactionModes.IsolationLevel.SERIALIZABLE;
                };
                case "transaction_read_only" -> readOnly = value.equals("t") || value.equals("true") || value.equals("1");
                case "transaction_deferrable" -> deferrable = value.equals("t") || value.equals("true") || value.equals("1");
                default -> { }
            }
        }
        return new TransactionModes(isolation, readOnly, deferrable);
    }
}
