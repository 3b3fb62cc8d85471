package org.lakepg.server.txn;

/** Row lock strengths, with PostgreSQL's conflict table (explicit-locking.html#LOCKING-ROWS). */
public enum LockMode {
    /** FOR KEY SHARE (foreign key checks). */
    KEY_SHARE,
    /** FOR SHARE. */
    SHARE,
    /** FOR NO KEY UPDATE; taken by UPDATE that changes no key column. */
    NO_KEY_UPDATE,
    /** FOR UPDATE; taken by DELETE and by UPDATE of a key column. */
    UPDATE;

    public boolean conflictsWith(LockMode other) {
        return switch (this) {
            case KEY_SHARE -> other == UPDATE;
            case SHARE -> other == NO_KEY_UPDATE || other == UPDATE;
            case NO_KEY_UPDATE -> other != KEY_SHARE;
            case UPDATE -> true;
        };
    }

    public static LockMode strongest(LockMode a, LockMode b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
