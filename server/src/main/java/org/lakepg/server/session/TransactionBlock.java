package org.lakepg.server.session;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.Consumer;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * A session's transaction-block state, as PostgreSQL's xact.c keeps it: whether statements run in
 * a single-statement transaction, an implicit block (several statements in one simple Query, or
 * extended-protocol messages up to Sync), an explicit BEGIN block, or a failed block that accepts
 * only ROLLBACK; plus the savepoint stack. It decides what happens and when; the work of starting,
 * committing and aborting is done by the {@link TransactionControl} it is given.
 */
public final class TransactionBlock {

    /** PostgreSQL's TBLOCK_* states, reduced to what a client can observe. */
    public enum State {
        /** No transaction. */
        IDLE,
        /** A transaction started for one statement (or for extended-protocol messages until Sync). */
        STARTED,
        /** Several statements of one simple Query share one transaction. */
        IMPLICIT,
        /** Inside BEGIN ... COMMIT. */
        EXPLICIT,
        /** An explicit block that failed: only ROLLBACK (or ROLLBACK TO a savepoint) gets out. */
        FAILED
    }

    private final TransactionControl control;
    private final Consumer<PgException> notices;
    private final Deque<String> savepoints = new ArrayDeque<>();
    private State state = State.IDLE;
    /** The implicit block was opened by an extended-protocol Execute, and whether one has completed in it since. */
    private boolean extended;
    private boolean pipelining;

    public TransactionBlock(TransactionControl control, Consumer<PgException> notices) {
        this.control = control;
        this.notices = notices;
    }

    public State state() {
        return state;
    }

    /** The status byte of ReadyForQuery: I idle, T in a block, E in a failed block. */
    public char status() {
        return switch (state) {
            case IDLE, STARTED, IMPLICIT -> 'I';
            case EXPLICIT -> 'T';
            case FAILED -> 'E';
        };
    }

    public boolean inExplicitBlock() {
        return state == State.EXPLICIT || state == State.FAILED;
    }

    /** True while any transaction is open (a statement may run in it). */
    public boolean inTransaction() {
        return state != State.IDLE;
    }

    /**
     * Called before every statement. In a failed block only {@code allowedWhenFailed} statements
     * (ROLLBACK, COMMIT, ROLLBACK TO) may run; everything else gets 25P02.
     *
     * @param partOfMultiStatementQuery the statement is one of several in a simple Query message
     */
    /**
     * An extended-protocol Execute: its transaction lasts until Sync like an implicit block, but as in PostgreSQL
     * it only counts as a block ("pipelining") once an earlier Execute completed in it, so a lone VACUUM or
     * CREATE DATABASE sent by a driver runs.
     */
    public void beforeExtendedStatement(boolean allowedWhenFailed) {
        boolean fresh = state == State.IDLE || state == State.STARTED;
        beforeStatement(true, allowedWhenFailed);
        if (fresh && state == State.IMPLICIT) {
            extended = true;
            pipelining = false;
        }
    }

    public void beforeStatement(boolean partOfMultiStatementQuery, boolean allowedWhenFailed) {
        if (state == State.FAILED) {
            if (!allowedWhenFailed) {
                throw PgException.of(SqlState.IN_FAILED_SQL_TRANSACTION,
                        "current transaction is aborted, commands ignored until end of transaction block");
            }
            return;
        }
        if (state == State.IDLE) {
            control.begin(TransactionModes.DEFAULT);
            state = State.STARTED;
            extended = false;
            pipelining = false;
        }
        if (partOfMultiStatementQuery && state == State.STARTED) {
            state = State.IMPLICIT;
        }
    }

    /**
     * Called after a statement succeeded. A single-statement transaction commits here; an implicit
     * block stays open until {@link #endOfQuery()}.
     */
    public void afterStatement() {
        if (state == State.STARTED) {
            finishCommit();
        } else if (state == State.IMPLICIT && extended) {
            pipelining = true;
        }
    }

    /** The end of a simple Query message, or a Sync: closes an implicit block by committing it. */
    public void endOfQuery() {
        if (state == State.STARTED || state == State.IMPLICIT) {
            finishCommit();
        }
    }

    /**
     * A statement failed. In an explicit block the block becomes failed (the transaction is
     * already rolled back underneath, so locks are released at once, as in PostgreSQL); anywhere
     * else the transaction is rolled back and the session is idle again.
     */
    public void statementFailed() {
        switch (state) {
            case EXPLICIT -> {
                control.abortForFailedBlock(!savepoints.isEmpty());
                state = State.FAILED;
            }
            case STARTED, IMPLICIT -> {
                control.rollback();
                savepoints.clear();
                state = State.IDLE;
            }
            case IDLE, FAILED -> {
            }
        }
    }

    public void begin(TransactionModes modes) {
        switch (state) {
            case EXPLICIT, FAILED -> notices.accept(PgException.of(SqlState.ACTIVE_SQL_TRANSACTION,
                    "there is already a transaction in progress").withSeverity(PgException.Severity.WARNING));
            case STARTED, IMPLICIT -> {
                control.setModes(modes);
                state = State.EXPLICIT;
            }
            case IDLE -> {
                control.begin(modes);
                state = State.EXPLICIT;
            }
        }
    }

    /** COMMIT / END. Returns the command tag: ROLLBACK when the block had failed, as PostgreSQL does. */
    public String commit(boolean chain) {
        switch (state) {
            case EXPLICIT -> {
                TransactionModes modes = chain ? control.currentModes() : null;
                finishCommit();
                if (chain) {
                    control.begin(modes);
                    state = State.EXPLICIT;
                }
                return "COMMIT";
            }
            case FAILED -> {
                TransactionModes modes = chain ? control.currentModes() : null;
                finishRollback();
                if (chain) {
                    control.begin(modes);
                    state = State.EXPLICIT;
                }
                return "ROLLBACK";
            }
            case IMPLICIT -> {
                if (chain) {
                    throw PgException.of(SqlState.NO_ACTIVE_SQL_TRANSACTION,
                            "%s can only be used in transaction blocks", "COMMIT AND CHAIN");
                }
                warnNoTransaction();
                finishCommit();
                return "COMMIT";
            }
            default -> {
                if (chain) {
                    throw PgException.of(SqlState.NO_ACTIVE_SQL_TRANSACTION,
                            "%s can only be used in transaction blocks", "COMMIT AND CHAIN");
                }
                warnNoTransaction();
                if (state == State.STARTED) {
                    finishCommit();
                }
                return "COMMIT";
            }
        }
    }

    /** ROLLBACK / ABORT. */
    public String rollback(boolean chain) {
        switch (state) {
            case EXPLICIT, FAILED -> {
                TransactionModes modes = chain ? control.currentModes() : null;
                finishRollback();
                if (chain) {
                    control.begin(modes);
                    state = State.EXPLICIT;
                }
            }
            default -> {
                if (chain) {
                    throw PgException.of(SqlState.NO_ACTIVE_SQL_TRANSACTION,
                            "%s can only be used in transaction blocks", "ROLLBACK AND CHAIN");
                }
                warnNoTransaction();
                if (state != State.IDLE) {
                    finishRollback();
                }
            }
        }
        return "ROLLBACK";
    }

    public void savepoint(String name) {
        requireBlock("SAVEPOINT");
        control.savepoint(name);
        savepoints.push(name);
    }

    public void releaseSavepoint(String name) {
        requireBlock("RELEASE SAVEPOINT");
        if (state == State.FAILED) {
            throw PgException.of(SqlState.IN_FAILED_SQL_TRANSACTION,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
        int depth = depthOf(name);
        for (int i = 0; i <= depth; i++) {
            control.releaseSavepoint(savepoints.pop());
        }
    }

    public void rollbackToSavepoint(String name) {
        requireBlock("ROLLBACK TO SAVEPOINT");
        int depth = depthOf(name);
        for (int i = 0; i < depth; i++) {
            control.releaseSavepoint(savepoints.pop());
        }
        control.rollbackToSavepoint(name);
        state = State.EXPLICIT;
    }

    private int depthOf(String name) {
        int depth = 0;
        for (Iterator<String> it = savepoints.iterator(); it.hasNext(); depth++) {
            if (it.next().equals(name)) {
                return depth;
            }
        }
        throw PgException.of(SqlState.S_E_INVALID_SPECIFICATION, "savepoint \"%s\" does not exist", name);
    }

    private void requireBlock(String command) {
        if (!inExplicitBlock()) {
            throw PgException.of(SqlState.NO_ACTIVE_SQL_TRANSACTION,
                    "%s can only be used in transaction blocks", command);
        }
    }

    /**
     * PostgreSQL's IsTransactionBlock: an explicit block, or several statements of one simple Query (an
     * extended-protocol statement before its Sync is not in a block unless others came before it).
     */
    boolean inTransactionBlock() {
        return state == State.EXPLICIT || state == State.FAILED || state == State.IMPLICIT && (!extended || pipelining);
    }

    /** For statements such as VACUUM or CREATE DATABASE that PostgreSQL refuses inside a block. */
    public void requireNoBlock(String command) {
        if (state == State.EXPLICIT || state == State.FAILED || state == State.IMPLICIT && (!extended || pipelining)) {
            throw PgException.of(SqlState.ACTIVE_SQL_TRANSACTION,
                    "%s cannot run inside a transaction block", command);
        }
    }

    private void warnNoTransaction() {
        notices.accept(PgException.of(SqlState.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress")
                .withSeverity(PgException.Severity.WARNING));
    }

    private void finishCommit() {
        savepoints.clear();
        state = State.IDLE;
        control.commit();
    }

    private void finishRollback() {
        savepoints.clear();
        state = State.IDLE;
        control.rollback();
    }
}
