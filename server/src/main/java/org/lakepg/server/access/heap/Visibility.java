package org.lakepg.server.access.heap;

import static org.lakepg.server.access.heap.TupleHeader.XMAX_COMMITTED;
import static org.lakepg.server.access.heap.TupleHeader.XMAX_INVALID;
import static org.lakepg.server.access.heap.TupleHeader.XMIN_COMMITTED;
import static org.lakepg.server.access.heap.TupleHeader.XMIN_INVALID;

import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;
import org.lakepg.server.txn.TransactionManager;
import org.lakepg.server.txn.XidStatus;
import org.lakepg.server.txn.Xids;

/**
 * Decides whether a tuple version is visible (PostgreSQL's heapam_visibility.c), setting hint bits once the commit
 * log gives a final answer. An xid that is neither running nor committed belongs to a transaction that aborted or
 * died with a crashed compute: both mean "never happened".
 */
public final class Visibility {

    /** A tuple's state for vacuum (HeapTupleSatisfiesVacuum). */
    public enum VacuumState { LIVE, DEAD, RECENTLY_DEAD, INSERT_IN_PROGRESS, DELETE_IN_PROGRESS }

    /** A tuple's state for a unique check, which must also see uncommitted changes (SnapshotDirty). */
    public sealed interface DirtyState {
        record Live() implements DirtyState { }
        record Dead() implements DirtyState { }
        /** Inserted or being deleted by a running transaction: wait for it and check again. */
        record InProgress(long xid) implements DirtyState { }
    }

    private final TransactionManager txns;

    public Visibility(TransactionManager txns) {
        this.txns = txns;
    }

    /** Final status of a finished xid: committed, or not (aborted or crashed). Sets nothing. */
    private boolean committed(long xid) {
        return !Xids.isNormal(xid) || txns.status(xid) == XidStatus.COMMITTED;
    }

    /** True if xmin is known committed (hinting it), false if known aborted (hinting it). Only for finished xids. */
    private boolean xminCommitted(byte[] p, int t, long xmin) {
        if (committed(xmin)) {
            if (txns.commitDurable(xmin)) {
                TupleHeader.hint(p, t, XMIN_COMMITTED);
            }
            return true;
        }
        TupleHeader.hint(p, t, XMIN_INVALID);
        return false;
    }

    private boolean xmaxCommitted(byte[] p, int t, long xmax) {
        if (committed(xmax)) {
            if (txns.commitDurable(xmax)) {
                TupleHeader.hint(p, t, XMAX_COMMITTED);
            }
            return true;
        }
        TupleHeader.hint(p, t, XMAX_INVALID);
        return false;
    }

    /** MVCC visibility of the tuple at byte offset {@code t} of page {@code p} to snapshot {@code s}. */
    public boolean isVisible(byte[] p, int t, Snapshot s) {
        int mask = TupleHeader.infomask(p, t);
        if ((mask & XMIN_INVALID) != 0) {
            return false;
        }
        if ((mask & XMIN_COMMITTED) == 0) {
            long xmin = TupleHeader.xmin(p, t);
            if (s.isOwn(xmin)) {
                if (TupleHeader.cmin(p, t) >= s.commandId()) {
                    return false; // inserted by this very command or a later one
                }
            } else if (s.isRunning(xmin)) {
                return false;
            } else if (txns.isRunning(xmin) || !xminCommitted(p, t, xmin)) {
                return false;
            }
        } else if (s.isRunning(TupleHeader.xmin(p, t))) {
            return false; // committed, but after the snapshot was taken
        }
        if ((mask & XMAX_INVALID) != 0) {
            return true;
        }
        long xmax = TupleHeader.xmax(p, t);
        if (xmax == Xids.INVALID) {
            return true;
        }
        if ((mask & XMAX_COMMITTED) != 0) {
            return s.isRunning(xmax);
        }
        if (s.isOwn(xmax)) {
            return TupleHeader.cmax(p, t) >= s.commandId(); // deleted by a later command of ours: still visible
        }
        if (s.isRunning(xmax)) {
            return true;
        }
        if (txns.isRunning(xmax)) {
            return true; // e.g. a rolled-back subtransaction's xid being cleaned up
        }
        return !xmaxCommitted(p, t, xmax);
    }

    public VacuumState vacuumState(byte[] p, int t, long oldestXmin) {
        int mask = TupleHeader.infomask(p, t);
        if ((mask & XMIN_INVALID) != 0) {
            return VacuumState.DEAD;
        }
        if ((mask & XMIN_COMMITTED) == 0) {
            long xmin = TupleHeader.xmin(p, t);
            if (txns.isRunning(xmin)) {
                return VacuumState.INSERT_IN_PROGRESS;
            }
            if (!xminCommitted(p, t, xmin)) {
                return VacuumState.DEAD;
            }
        }
        long xmax = TupleHeader.xmax(p, t);
        if ((mask & XMAX_INVALID) != 0 || xmax == Xids.INVALID) {
            return VacuumState.LIVE;
        }
        if ((mask & XMAX_COMMITTED) == 0) {
            if (txns.isRunning(xmax)) {
                return VacuumState.DELETE_IN_PROGRESS;
            }
            if (!xmaxCommitted(p, t, xmax)) {
                return VacuumState.LIVE;
            }
        }
        return xmax < oldestXmin ? VacuumState.DEAD : VacuumState.RECENTLY_DEAD;
    }

    /** What a unique check must assume about the tuple, seen from {@code me}. */
    public DirtyState dirtyState(byte[] p, int t, Transaction me) {
        int mask = TupleHeader.infomask(p, t);
        if ((mask & XMIN_INVALID) != 0) {
            return new DirtyState.Dead();
        }
        if ((mask & XMIN_COMMITTED) == 0) {
            long xmin = TupleHeader.xmin(p, t);
            if (!me.isOwnXid(xmin)) {
                if (txns.isRunning(xmin)) {
                    return new DirtyState.InProgress(xmin);
                }
                if (!xminCommitted(p, t, xmin)) {
                    return new DirtyState.Dead();
                }
            }
        }
        long xmax = TupleHeader.xmax(p, t);
        if ((mask & XMAX_INVALID) != 0 || xmax == Xids.INVALID) {
            return new DirtyState.Live();
        }
        if ((mask & XMAX_COMMITTED) != 0) {
            return new DirtyState.Dead();
        }
        if (me.isOwnXid(xmax)) {
            return new DirtyState.Dead();
        }
        if (txns.isRunning(xmax)) {
            return new DirtyState.InProgress(xmax);
        }
        return xmaxCommitted(p, t, xmax) ? new DirtyState.Dead() : new DirtyState.Live();
    }
}
