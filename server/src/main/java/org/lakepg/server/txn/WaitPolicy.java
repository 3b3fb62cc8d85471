package org.lakepg.server.txn;

/** What a row lock request does when another transaction holds a conflicting lock. */
public enum WaitPolicy {
    /** Wait (subject to lock_timeout, statement_timeout and deadlock detection). */
    BLOCK,
    /** Fail at once with 55P03. */
    NOWAIT,
    /** Report the row as not locked so the caller skips it. */
    SKIP_LOCKED
}
