package org.lakepg.server.access.heap;

/**
 * The header fields a row version shows as PostgreSQL's system columns xmin, xmax, cmin and cmax (xids are shown
 * as 32-bit xid values, as PostgreSQL's are).
 */
public record TupleSystemColumns(long xmin, long xmax, int cmin, int cmax) {

    /** The 32-bit xid PostgreSQL shows for one of our 64-bit transaction ids. */
    public static long shown(long xid) {
        return xid & 0xFFFFFFFFL;
    }
}
