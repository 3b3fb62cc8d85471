package org.lakepg.server.txn;

/**
 * Transaction id constants. lakepg's xids are 64-bit and never wrap around, so there is no freezing; the special
 * ids below {@link #FIRST_NORMAL} mean what they mean in PostgreSQL.
 */
public final class Xids {

    /** No transaction (an unset xmax). */
    public static final long INVALID = 0;
    /** Rows written outside any transaction (bootstrap): always committed and visible. */
    public static final long BOOTSTRAP = 1;
    /** Rows known visible to everyone. */
    public static final long FROZEN = 2;
    public static final long FIRST_NORMAL = 3;

    private Xids() {
    }

    public static boolean isNormal(long xid) {
        return xid >= FIRST_NORMAL;
    }
}
