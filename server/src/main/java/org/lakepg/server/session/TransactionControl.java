package org.lakepg.server.session;

/**
 * What {@link TransactionBlock} asks of the layers below it: the storage transaction and the
 * transaction-scoped parts of the session (SET LOCAL, prepared cursors ...).
 */
public interface TransactionControl {

    void begin(TransactionModes modes);

    /** BEGIN inside an implicit block turns it into an explicit one with these modes. */
    void setModes(TransactionModes modes);

    TransactionModes currentModes();

    /** Makes the transaction durable; throws PgException when it cannot (e.g. 40001). */
    void commit();

    /** Undoes the transaction; a no-op when it was already undone by {@link #abortForFailedBlock}. */
    void rollback();

    /**
     * A statement failed inside BEGIN ... COMMIT: undo its work now (locks are released), while the
     * block stays open, failed, until the client says ROLLBACK or ROLLBACK TO. With savepoints
     * only the innermost subtransaction is undone, so ROLLBACK TO can recover; without, the whole
     * transaction.
     */
    default void abortForFailedBlock(boolean hasSavepoints) {
        if (!hasSavepoints) {
            rollback();
        }
    }

    void savepoint(String name);

    void releaseSavepoint(String name);

    void rollbackToSavepoint(String name);
}
