package org.lakepg.server.txn;

/**
 * Transaction isolation levels as SQL names them. As in PostgreSQL, READ UNCOMMITTED behaves as READ COMMITTED.
 * SERIALIZABLE is accepted and currently runs as REPEATABLE READ (snapshot isolation): it prevents dirty reads,
 * non-repeatable reads, phantoms and lost updates (40001 on a concurrent update) but NOT write skew, for which
 * PostgreSQL's serializable snapshot isolation would raise 40001.
 */
public enum IsolationLevel {
    READ_UNCOMMITTED,
    READ_COMMITTED,
    REPEATABLE_READ,
    SERIALIZABLE;

    /** True if one snapshot is taken at the first statement and kept for the whole transaction. */
    public boolean usesTransactionSnapshot() {
        return this == REPEATABLE_READ || this == SERIALIZABLE;
    }
}
