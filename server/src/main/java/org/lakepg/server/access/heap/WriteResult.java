package org.lakepg.server.access.heap;

/**
 * What happened to a request to update, delete or lock a row version (PostgreSQL's TM_Result). Under REPEATABLE
 * READ a concurrent change raises 40001 instead of returning {@link Updated} or {@link Deleted}.
 */
public sealed interface WriteResult {

    /** Done; {@code tid} is the new version for an update, the row itself for delete and lock. */
    record Ok(Tid tid) implements WriteResult {
    }

    /** A concurrent transaction committed a newer version at {@code newer}: READ COMMITTED re-checks it. */
    record Updated(Tid newer) implements WriteResult {
    }

    /** A concurrent transaction committed a delete of the row. */
    record Deleted() implements WriteResult {
    }

    /** This transaction already changed the row in an earlier or the same command. */
    record SelfModified() implements WriteResult {
    }

    /** SKIP LOCKED: another transaction holds a conflicting lock. */
    record Skipped() implements WriteResult {
    }
}
