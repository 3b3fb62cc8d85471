package org.lakepg.server.txn;

import java.util.Arrays;

/**
 * Which transactions' effects a statement sees (PostgreSQL's MVCC snapshot): every xid below {@code xmin} has
 * finished, every xid at or above {@code xmax} had not started, and {@code running} lists those in between that
 * were still running. {@code owner} (may be null) is the transaction whose own changes are visible up to
 * {@code commandId}.
 */
public record Snapshot(long xmin, long xmax, long[] running, Transaction owner, int commandId) {

    /** True if {@code xid} had not finished when the snapshot was taken (its effects are invisible). */
    public boolean isRunning(long xid) {
        if (xid >= xmax) {
            return true;
        }
        if (xid < xmin) {
            return false;
        }
        return Arrays.binarySearch(running, xid) >= 0;
    }

    /** True if {@code xid} belongs to the owning transaction (top level or a live subtransaction). */
    public boolean isOwn(long xid) {
        return owner != null && owner.isOwnXid(xid);
    }

    public Snapshot withCommandId(int cid) {
        return new Snapshot(xmin, xmax, running, owner, cid);
    }

    @Override
    public String toString() {
        return "Snapshot[xmin=" + xmin + ", xmax=" + xmax + ", running=" + Arrays.toString(running)
                + ", cid=" + commandId + "]";
    }
}
