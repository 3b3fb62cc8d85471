package org.lakepg.server.txn;

/** A transaction id's state in the commit log (two bits each, as PostgreSQL's pg_xact). */
public enum XidStatus {
    IN_PROGRESS,
    COMMITTED,
    ABORTED;

    static XidStatus ofBits(int bits) {
        return switch (bits) {
            case 1 -> COMMITTED;
            case 2 -> ABORTED;
            default -> IN_PROGRESS;
        };
    }

    int bits() {
        return switch (this) {
            case IN_PROGRESS -> 0;
            case COMMITTED -> 1;
            case ABORTED -> 2;
        };
    }
}
