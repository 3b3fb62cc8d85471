package org.lakepg.server.txn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * One transaction of one session (not thread-safe: only its session uses it). Gets an xid on its first write, a
 * subtransaction xid per savepoint level that writes, a snapshot per statement (READ COMMITTED) or one for the
 * whole transaction (REPEATABLE READ / SERIALIZABLE), and a command id that orders its own statements.
 *
 * <p>Statement protocol for the executor: {@link #startStatement()} before each statement, then read through
 * {@link #snapshot()} and write with {@link #xid()} / {@link #writeCommandId()}.
 */
public final class Transaction {

    public enum State { ACTIVE, COMMITTED, ABORTED }

    private static final class Savepoint {
        final String name;
        long xid;
        /** xids of released savepoints nested inside this one: they commit or abort with it. */
        final List<Long> released = new ArrayList<>();

        Savepoint(String name) {
            this.name = name;
        }
    }

    private final TransactionManager manager;
    private final long id;
    private final IsolationLevel isolation;
    private final CompletableFuture<Void> end = new CompletableFuture<>();
    private final Set<Long> ownXids = ConcurrentHashMap.newKeySet();
    private final List<Savepoint> savepoints = new ArrayList<>();
    private int savepointRollbacks;
    /** Top-level xid plus released subtransactions that were merged into the top level. */
    private final List<Long> topLevelXids = new ArrayList<>();
    private final List<RowLocks.RowId> rowLocks = new ArrayList<>();
    private final List<Integer> rowLockDepths = new ArrayList<>();
    private long topXid;
    private Snapshot transactionSnapshot;
    private Snapshot current;
    /** The catalog version read just before the snapshot the catalog is read through was taken. */
    private long snapshotCatalogVersion;
    /** The relation locks held: relation → bit set of modes (bit n = mode n). Only this transaction's thread uses it. */
    private final Map<Long, Integer> relationLocks = new HashMap<>();
    private int commandId;
    private boolean commandUsed;
    private State state = State.ACTIVE;
    private Deadline deadline = Deadline.none();
    /** This transaction's synchronous_commit (SET [LOCAL] synchronous_commit); null = the manager's default. */
    private Boolean synchronousCommit;
    /** Whether this transaction wrote a catalog relation (its end then makes cached analyses stale). */
    private boolean changedCatalog;
    /** Oldest xid this transaction may still need to see as running (for vacuum); guarded by the manager. */
    long horizon = Long.MAX_VALUE;
    /** Whether {@link #horizon} holds back pruning and vacuum (see {@link TransactionManager#beginNotHoldingBackPruning}). */
    boolean holdsBackPruning = true;

    Transaction(TransactionManager manager, long id, IsolationLevel isolation) {
        this.manager = manager;
        this.id = id;
        this.isolation = isolation;
    }

    /** A process-local id for lock waits (transactions without an xid can wait too). */
    public long id() {
        return id;
    }

    public IsolationLevel isolation() {
        return isolation;
    }

    public State state() {
        return state;
    }

    public Deadline deadline() {
        return deadline;
    }

    /** Sets the limits of the current statement (statement_timeout, lock_timeout, cancel). */
    public void setDeadline(Deadline deadline) {
        this.deadline = deadline;
    }

    /** synchronous_commit for this transaction's commit: true waits for durability, false does not. */
    public void setSynchronousCommit(boolean on) {
        this.synchronousCommit = on;
    }

    Boolean synchronousCommit() {
        return synchronousCommit;
    }

    /** The top-level xid, or {@link Xids#INVALID} if the transaction has not written yet. */
    public long topXid() {
        return topXid;
    }

    /** The xid to stamp on rows written now: the innermost savepoint's subtransaction xid (assigned on demand). */
    public long xid() {
        requireActive();
        if (topXid == Xids.INVALID) {
            topXid = manager.assignXid(this);
            ownXids.add(topXid);
            topLevelXids.add(topXid);
        }
        long xid = topXid;
        for (Savepoint sp : savepoints) {
            // parents get their xid first, so a subtransaction's xid is always above its parent's
            if (sp.xid == Xids.INVALID) {
                sp.xid = manager.assignXid(this);
                ownXids.add(sp.xid);
            }
            xid = sp.xid;
        }
        return xid;
    }

    /** True if {@code xid} is this transaction's or one of its subtransactions' not rolled back. */
    public boolean isOwnXid(long xid) {
        return xid != Xids.INVALID && ownXids.contains(xid);
    }

    /** Begins a statement: READ COMMITTED takes a fresh snapshot; the command id advances after a writing one. */
    public void startStatement() {
        requireActive();
        if (commandUsed) {
            commandId++;
            commandUsed = false;
        }
        if (isolation.usesTransactionSnapshot()) {
            if (transactionSnapshot == null) {
                snapshotCatalogVersion = manager.catalogVersion();
                transactionSnapshot = manager.takeSnapshot(this, commandId);
            }
            current = transactionSnapshot.withCommandId(commandId);
        } else {
            snapshotCatalogVersion = manager.catalogVersion();
            current = manager.takeSnapshot(this, commandId);
        }
    }

    /**
     * Takes the relation locks a statement needs (see {@link RelationLocks}). A statement that had to wait sees what
     * the holder committed: READ COMMITTED takes a new snapshot (as PostgreSQL takes the statement's snapshot after
     * its locks). Returns false when one of the relations was changed by a transaction that ended after the
     * snapshot the statement was analyzed with, so that analysis is stale and must be made again on the new one.
     * With a transaction snapshot neither can be: a stale analysis, or a DDL lock that waited, fails with 40001.
     */
    public boolean lockRelations(int pid, List<RelationLocks.Request> requests) {
        return lockRelations(pid, requests, snapshotCatalogVersion);
    }

    /** As {@link #lockRelations(int, List)} for an analysis made on a snapshot taken at {@code analyzedAt}. */
    public boolean lockRelations(int pid, List<RelationLocks.Request> requests, long analyzedAt) {
        requireActive();
        boolean current = true;
        boolean waited = false;
        boolean ddlWaited = false;
        for (RelationLocks.Request r : requests) {
            if (lockRelation(pid, r.relation(), r.mode(), false, r.name())) {
                waited = true;
                ddlWaited |= r.mode() >= RelationLocks.SHARE;
            }
            if (manager.relationLocks().changedSince(r.relation(), analyzedAt)) {
                current = false;
            }
        }
        if (isolation.usesTransactionSnapshot()) {
            if (!current || ddlWaited) {
                throw PgException.of(SqlState.T_R_SERIALIZATION_FAILURE,
                        "could not serialize access due to concurrent update")
                        .withDetail("A relation this statement uses was changed after the transaction's snapshot.");
            }
        } else if (waited || !current) {
            retakeStatementSnapshot();
        }
        return current;
    }

    /** The catalog version read just before the statement's (or transaction's) snapshot was taken. */
    public long snapshotCatalogVersion() {
        return snapshotCatalogVersion;
    }

    /** READ COMMITTED: the statement starts over with a new snapshot (its relation locks stay). */
    public void retakeStatementSnapshot() {
        requireActive();
        if (!isolation.usesTransactionSnapshot()) {
            snapshotCatalogVersion = manager.catalogVersion();
            current = manager.takeSnapshot(this, commandId);
        }
    }

    /** Makes this transaction's own earlier writes visible to what follows (PostgreSQL's CommandCounterIncrement). */
    public void commandCounterIncrement() {
        if (commandUsed) {
            commandId++;
            commandUsed = false;
            if (current != null) {
                current = current.withCommandId(commandId);
            }
        }
    }

    /** Notes a write to a catalog relation: when this transaction ends, the catalog version moves on. */
    public void markCatalogChange() {
        changedCatalog = true;
    }

    /** True once this transaction wrote a catalog relation (it reads its own, uncommitted catalog). */
    public boolean changedCatalog() {
        return changedCatalog;
    }

    /** The current statement's snapshot (a statement is started implicitly if none was). */
    public Snapshot snapshot() {
        if (current == null) {
            startStatement();
        }
        return current;
    }

    /** The command id rows written now are stamped with. */
    public int writeCommandId() {
        commandUsed = true;
        return commandId;
    }

    public int commandId() {
        return commandId;
    }

    // ---- savepoints -------------------------------------------------------------------------------------------

    public void savepoint(String name) {
        requireActive();
        savepoints.add(new Savepoint(name));
    }

    /** How many ROLLBACK TO SAVEPOINTs ran: each makes rows this transaction wrote invisible again. */
    public int savepointRollbacks() {
        return savepointRollbacks;
    }

    /** ROLLBACK TO SAVEPOINT: undoes everything since the savepoint, which stays defined. */
    public void rollbackToSavepoint(String name) {
        requireActive();
        int index = find(name);
        List<Long> aborted = new ArrayList<>();
        for (int i = index; i < savepoints.size(); i++) {
            Savepoint sp = savepoints.get(i);
            if (sp.xid != Xids.INVALID) {
                aborted.add(sp.xid);
            }
            aborted.addAll(sp.released);
        }
        while (savepoints.size() > index + 1) {
            savepoints.remove(savepoints.size() - 1);
        }
        Savepoint kept = savepoints.get(index);
        kept.xid = Xids.INVALID;
        kept.released.clear();
        ownXids.removeAll(aborted);
        savepointRollbacks++;
        manager.abortSubtransactions(this, aborted);
        releaseRowLocksDeeperThan(index);
        commandUsed = true; // later statements must not mistake the undone rows' command ids for their own
    }

    /** RELEASE SAVEPOINT: keeps the changes, merged into the enclosing level. */
    public void releaseSavepoint(String name) {
        requireActive();
        int index = find(name);
        List<Long> merged = new ArrayList<>();
        for (int i = index; i < savepoints.size(); i++) {
            Savepoint sp = savepoints.get(i);
            if (sp.xid != Xids.INVALID) {
                merged.add(sp.xid);
            }
            merged.addAll(sp.released);
        }
        while (savepoints.size() > index) {
            savepoints.remove(savepoints.size() - 1);
        }
        if (index == 0) {
            topLevelXids.addAll(merged);
        } else {
            savepoints.get(index - 1).released.addAll(merged);
        }
        for (int i = 0; i < rowLockDepths.size(); i++) {
            rowLockDepths.set(i, Math.min(rowLockDepths.get(i), index));
        }
    }

    public boolean hasSavepoint(String name) {
        return savepoints.stream().anyMatch(sp -> sp.name.equals(name));
    }

    private int find(String name) {
        for (int i = savepoints.size() - 1; i >= 0; i--) {
            if (savepoints.get(i).name.equals(name)) {
                return i;
            }
        }
        throw PgException.of(SqlState.S_E_INVALID_SPECIFICATION, "savepoint \"%s\" does not exist", name);
    }

    // ---- end ---------------------------------------------------------------------------------------------------

    /** Commits; returns once the commit record is durable (unless synchronous_commit is off). */
    public void commit() {
        requireActive();
        List<Long> xids = allXids();
        try {
            manager.commit(this, xids);
            state = State.COMMITTED;
        } finally {
            if (state != State.COMMITTED) {
                state = State.ABORTED;
            }
            manager.finish(this, xids);
        }
    }

    public void rollback() {
        if (state != State.ACTIVE) {
            return;
        }
        List<Long> xids = allXids();
        state = State.ABORTED;
        try {
            manager.abort(this, xids);
        } finally {
            manager.finish(this, xids);
        }
    }

    private List<Long> allXids() {
        List<Long> xids = new ArrayList<>(topLevelXids);
        for (Savepoint sp : savepoints) {
            if (sp.xid != Xids.INVALID) {
                xids.add(sp.xid);
            }
            xids.addAll(sp.released);
        }
        return xids;
    }

    private void requireActive() {
        if (state != State.ACTIVE) {
            throw PgException.of(SqlState.NO_ACTIVE_SQL_TRANSACTION, "transaction is already %s",
                    state == State.COMMITTED ? "committed" : "aborted");
        }
    }

    CompletableFuture<Void> endFuture() {
        return end;
    }

    /** Completes once the transaction has committed or aborted. */
    public CompletableFuture<Void> onEnd() {
        return end.copy();
    }

    /**
     * Takes relation lock {@code mode} (1..8) until the transaction ends ({@link RelationLocks#acquire}); returns
     * whether it had to wait.
     * Locks taken inside a savepoint stay until the top-level end (PostgreSQL releases them with the savepoint).
     */
    public boolean lockRelation(int pid, long relation, int mode, boolean nowait, String relationName) {
        requireActive();
        int held = relationLocks.getOrDefault(relation, 0);
        if ((held & (1 << mode)) != 0) {
            return false; // taken before in this transaction: the common case of a statement run again costs a lookup
        }
        boolean waited = manager.relationLocks().acquire(this, pid, relation, mode, nowait, relationName);
        relationLocks.put(relation, held | (1 << mode));
        return waited;
    }

    /** The relation locks held, relation → bit set of modes; released by the manager when the transaction ends. */
    Map<Long, Integer> heldRelationLocks() {
        return relationLocks;
    }

    /** Locks a row, or any key shaped like one, until this transaction (or its savepoint) ends: {@link RowLocks#lock}. */
    public boolean lock(RowLocks.RowId row, LockMode mode, WaitPolicy policy, String relationName) {
        return manager.rowLocks().lock(this, row, mode, policy, relationName);
    }

    void rememberRowLock(RowLocks.RowId row) {
        rowLocks.add(row);
        rowLockDepths.add(savepoints.size());
    }

    List<RowLocks.RowId> heldRowLocks() {
        return rowLocks;
    }

    private void releaseRowLocksDeeperThan(int index) {
        List<RowLocks.RowId> released = new ArrayList<>();
        for (int i = rowLocks.size() - 1; i >= 0; i--) {
            if (rowLockDepths.get(i) > index) {
                released.add(rowLocks.remove(i));
                rowLockDepths.remove(i);
            }
        }
        manager.rowLocks().release(this, released);
    }

    @Override
    public String toString() {
        return "Transaction[" + id + ", xid=" + topXid + ", " + isolation + ", " + state + "]";
    }
}
