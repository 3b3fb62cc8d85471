package org.lakepg.server.txn;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.lakepg.server.access.buffer.BufferCache;
import org.lakepg.server.access.buffer.PinnedPage;
import org.lakepg.server.access.wal.PageWriter;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.TransactionMarker;

/**
 * Starts transactions, hands out xids, takes snapshots and records commits (PostgreSQL's procarray + xact.c).
 *
 * <p>Commit = the commit-log bits and the commit marker in one WAL record, then (synchronous_commit on) waiting
 * until the WAL service reports it durable, and only then removing the xid from the running set — so no other
 * transaction can see a commit that could still be lost.
 */
public final class TransactionManager {

    /** xids are reserved this many at a time with one WAL record, as PostgreSQL logs its nextXid. */
    private static final int XID_BATCH = 1024;
    private static final PageKey CONTROL_PAGE = PageKey.main(ReservedRelations.TRANSACTION_CONTROL, 0);

    private record RunningXid(Transaction owner, CompletableFuture<Void> done) {
    }

    private final BufferCache cache;
    private final PageWriter writer;
    private final CommitLog commitLog;
    private final WaitForGraph waitForGraph = new WaitForGraph();
    private final RowLocks rowLocks = new RowLocks(waitForGraph);
    private final RelationLocks relationLocks = new RelationLocks(waitForGraph);
    private final Object procArray = new Object();
    private final Map<Long, RunningXid> running = new HashMap<>();
    private final Set<Transaction> active = ConcurrentHashMap.newKeySet();
    private final AtomicLong transactionIds = new AtomicLong();
    /**
     * Ended transactions that changed the catalog; an analysis made at one value is stale at the next. Read by every
     * execution of a cached plan, written almost never: the counter sits in the middle of its own array so that no
     * neighbour written on every transaction (like transactionIds, allocated just before) shares its cache line.
     */
    private final java.util.concurrent.atomic.AtomicLongArray catalogVersion =
            new java.util.concurrent.atomic.AtomicLongArray(2 * CATALOG_VERSION_SLOT + 1);
    private static final int CATALOG_VERSION_SLOT = 8;
    private long nextXid;
    private long xidLimit;
    private volatile boolean synchronousCommit = true;
    /**
     * Commits made with synchronous_commit off whose commit record may not be durable yet (xid → its LSN). Their
     * rows must not get "committed" hint bits until it is (PostgreSQL's rule): a page carrying such a hint could
     * reach storage and outlive a crash that loses the commit. An entry leaves when its background flush completes.
     */
    private final Map<Long, Lsn> notYetDurable = new ConcurrentHashMap<>();

    public TransactionManager(BufferCache cache, PageWriter writer) {
        this.cache = cache;
        this.writer = writer;
        this.commitLog = new CommitLog(cache, writer);
        try (PinnedPage control = cache.pinShared(CONTROL_PAGE)) {
            long limit = ByteBuffer.wrap(control.data()).getLong(0);
            // a restarted compute continues above every xid the previous one may have used
            this.nextXid = Math.max(Xids.FIRST_NORMAL, limit);
            this.xidLimit = nextXid;
        }
    }

    /**
     * Moves on when a transaction that changed the catalog commits or aborts. Read it before taking the snapshot an
     * analysis uses: if it is unchanged later, no catalog change became visible in between.
     */
    public long catalogVersion() {
        return catalogVersion.get(CATALOG_VERSION_SLOT);
    }

    public CommitLog commitLog() {
        return commitLog;
    }

    /** LOCK TABLE's relation locks of this compute's transactions. */
    public RelationLocks relationLocks() {
        return relationLocks;
    }

    public RowLocks rowLocks() {
        return rowLocks;
    }

    public BufferCache bufferCache() {
        return cache;
    }

    public PageWriter pageWriter() {
        return writer;
    }

    /** synchronous_commit: on (default) waits for the commit record to be durable; off returns at once. */
    public void setSynchronousCommit(boolean on) {
        this.synchronousCommit = on;
    }

    public Transaction begin(IsolationLevel isolation) {
        Transaction txn = new Transaction(this, transactionIds.incrementAndGet(), isolation);
        active.add(txn);
        return txn;
    }

    public Transaction begin() {
        return begin(IsolationLevel.READ_COMMITTED);
    }

    /**
     * A read-only transaction whose snapshot does not hold back pruning and vacuum of other transactions' dead rows
     * (like PostgreSQL's PROC_IN_SAFE_IC): for a reader that runs long and copes with pages changed after it began,
     * the analytics materializer (it reads such pages as of its LSN). Holding the horizon for a throttled refresh
     * kept every hot row's dead versions for a minute and slowed tpcb-like updates.
     */
    public Transaction beginNotHoldingBackPruning() {
        Transaction txn = new Transaction(this, transactionIds.incrementAndGet(), IsolationLevel.READ_COMMITTED);
        txn.holdsBackPruning = false;
        active.add(txn);
        return txn;
    }

    public XidStatus status(long xid) {
        return commitLog.status(xid);
    }

    /** True if the xid belongs to a transaction (or subtransaction) that has not ended. */
    public boolean isRunning(long xid) {
        synchronized (procArray) {
            return running.containsKey(xid);
        }
    }

    /** The next xid to be assigned: every xid below it was handed out. */
    public long nextXid() {
        synchronized (procArray) {
            return nextXid;
        }
    }

    /**
     * The oldest xid any running transaction could still consider running: rows deleted by transactions that
     * committed below it are dead to everyone (vacuum's OldestXmin).
     */
    public long oldestXmin() {
        synchronized (procArray) {
            long oldest = nextXid;
            // the running xids themselves (a subtransaction's is above its parent's): the owner's topXid field is
            // only set after assignXid returns, so reading it here could skip an xid that is already running
            for (long xid : running.keySet()) {
                oldest = Math.min(oldest, xid);
            }
            for (Transaction t : active) {
                if (t.holdsBackPruning) {
                    oldest = Math.min(oldest, t.horizon);
                }
            }
            return oldest;
        }
    }

    /**
     * Waits until {@code xid}'s transaction (or subtransaction) ends, on behalf of {@code waiter}: used when a row
     * is being changed by another transaction and by unique checks. Deadlocks are detected (40P01).
     */
    public void waitFor(Transaction waiter, long xid) {
        RunningXid r;
        synchronized (procArray) {
            r = running.get(xid);
        }
        if (r == null || r.owner == waiter) {
            return;
        }
        waitForGraph.beginWait(waiter.id(), List.of(r.owner.id()));
        try {
            waiter.deadline().await(r.done);
        } finally {
            waitForGraph.endWait(waiter.id());
        }
    }

    /** The top-level xids of the transactions {@code waiter} waits for now (pg_locks' ungranted locks). */
    public List<Long> awaitedXids(Transaction waiter) {
        Set<Long> holders = waitForGraph.waitingFor(waiter.id());
        if (holders.isEmpty()) {
            return List.of();
        }
        List<Long> out = new java.util.ArrayList<>();
        for (Transaction t : active) {
            if (holders.contains(t.id()) && t.topXid() != Xids.INVALID) {
                out.add(t.topXid());
            }
        }
        return out;
    }

    long assignXid(Transaction owner) {
        synchronized (procArray) {
            if (nextXid >= xidLimit) {
                reserveXids(nextXid + XID_BATCH);
            }
            long xid = nextXid++;
            running.put(xid, new RunningXid(owner, new CompletableFuture<>()));
            return xid;
        }
    }

    private void reserveXids(long limit) {
        try (PinnedPage control = cache.pinExclusive(CONTROL_PAGE); var change = writer.begin()) {
            change.track(control);
            ByteBuffer.wrap(control.data()).putLong(0, limit);
            change.commit();
        }
        xidLimit = limit;
    }

    Snapshot takeSnapshot(Transaction owner, int commandId) {
        synchronized (procArray) {
            long xmax = nextXid;
            long[] xids = new long[running.size()];
            int n = 0;
            long xmin = xmax;
            for (long xid : running.keySet()) {
                xids[n++] = xid;
                xmin = Math.min(xmin, xid);
            }
            java.util.Arrays.sort(xids);
            if (owner.horizon == Long.MAX_VALUE || !owner.isolation().usesTransactionSnapshot()) {
                owner.horizon = xmin;
            }
            return new Snapshot(xmin, xmax, xids, owner, commandId);
        }
    }

    void commit(Transaction txn, List<Long> xids) {
        if (xids.isEmpty()) {
            return;
        }
        Lsn lsn = commitLog.setStatus(xids, XidStatus.COMMITTED, TransactionMarker.commit(txn.topXid(), Instant.now()));
        Boolean own = txn.synchronousCommit();
        if (own != null ? own : synchronousCommit) {
            writer.wal().flush(writer.timeline(), lsn).join();
            return;
        }
        // asynchronous commit: made durable in the background (PostgreSQL's WAL writer), without waiting
        for (long xid : xids) {
            notYetDurable.put(xid, lsn);
        }
        // on the WAL writer thread: a store may fsync in the calling thread, and this commit must not wait
        CompletableFuture.runAsync(() -> writer.wal().flush(writer.timeline(), lsn).join(), WAL_WRITER)
                .whenComplete((done, failure) -> {
                    if (failure == null) {
                        xids.forEach(notYetDurable::remove);
                    }
                });
    }

    /** Makes asynchronous commits durable in the background (PostgreSQL's walwriter); one for the process. */
    private static final java.util.concurrent.Executor WAL_WRITER = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> Thread.ofPlatform().name("lakepg-wal-writer").daemon(true).unstarted(r));

    /**
     * True unless {@code xid} committed asynchronously and its commit record is not known durable yet: then its
     * rows may be seen as committed but must not be hinted so.
     */
    public boolean commitDurable(long xid) {
        if (notYetDurable.isEmpty()) {
            return true;
        }
        Lsn lsn = notYetDurable.get(xid);
        return lsn == null || !lsn.isAfter(writer.wal().durableLsn(writer.timeline()));
    }

    void abort(Transaction txn, List<Long> xids) {
        if (!xids.isEmpty()) {
            commitLog.setStatus(xids, XidStatus.ABORTED, TransactionMarker.abort(txn.topXid(), Instant.now()));
        }
    }

    void abortSubtransactions(Transaction txn, List<Long> xids) {
        if (xids.isEmpty()) {
            return;
        }
        commitLog.setStatus(xids, XidStatus.ABORTED, null);
        endXids(xids);
    }

    /** Removes the transaction's xids from the running set, releases its row locks and wakes its waiters. */
    void finish(Transaction txn, List<Long> xids) {
        endXids(xids);
        rowLocks.release(txn, txn.heldRowLocks());
        synchronized (procArray) {
            active.remove(txn);
            txn.horizon = Long.MAX_VALUE;
        }
        long endedAtVersion = -1;
        if (txn.changedCatalog()) {
            // after its xids ended: new snapshots already see the change
            endedAtVersion = catalogVersion.incrementAndGet(CATALOG_VERSION_SLOT);
        }
        // after the version moved: whoever gets a relation lock next and read the catalog before sees it is stale
        relationLocks.release(txn, txn.heldRelationLocks(), endedAtVersion);
        txn.endFuture().complete(null);
    }

    private void endXids(List<Long> xids) {
        List<RunningXid> ended = new java.util.ArrayList<>(xids.size());
        synchronized (procArray) {
            for (long xid : xids) {
                RunningXid r = running.remove(xid);
                if (r != null) {
                    ended.add(r);
                }
            }
        }
        ended.forEach(r -> r.done.complete(null));
    }
}
