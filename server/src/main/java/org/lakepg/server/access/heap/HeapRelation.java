package org.lakepg.server.access.heap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.access.buffer.PinnedPage;
import org.lakepg.server.access.page.SlottedPage;
import org.lakepg.server.txn.LockMode;
import org.lakepg.server.txn.RowLocks;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.server.txn.Transaction;
import org.lakepg.server.txn.WaitPolicy;
import org.lakepg.server.txn.Xids;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Page;
import org.lakepg.storage.PageChange;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.RelationCreate;
import org.lakepg.storage.WalRecord;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * A table's rows on slotted 8 KiB pages with PostgreSQL's MVCC tuple headers. Payloads are opaque bytes (the SQL
 * engine owns the row format). Updates are HOT (same page, no new index entries) when the caller says no indexed
 * column changed and the page has room; payloads above {@link #TOAST_THRESHOLD} bytes go to the out-of-line store.
 *
 * <p>Writers lock the row version in {@link RowLocks} first, then change it under the page's exclusive latch,
 * logging through the page writer before the latch is released.
 */
public final class HeapRelation {

    /** Payloads longer than this are stored out of line (PostgreSQL's TOAST_TUPLE_THRESHOLD is about 2 KB). */
    public static final int TOAST_THRESHOLD = 2000;
    /** Largest payload stored in the page itself. */
    public static final int MAX_INLINE_PAYLOAD =
            Page.SIZE - SlottedPage.HEADER_SIZE - SlottedPage.LINE_POINTER_SIZE - TupleHeader.SIZE;

    private final AccessContext ctx;
    private final int relation;
    private final String name;
    private final HeapOptions options;
    private final FreeSpaceMap fsm = new FreeSpaceMap();
    private final ToastStore toast;
    private final AtomicLong insertedSinceVacuum = new AtomicLong();
    private final AtomicLong deadSinceVacuum = new AtomicLong();
    private volatile long liveEstimate;
    /** Payloads longer than this go out of line: TOAST_THRESHOLD, or what toast_tuple_target asks for. */
    private volatile int toastThreshold = TOAST_THRESHOLD;

    private HeapRelation(AccessContext ctx, int relation, String name, HeapOptions options) {
        this.ctx = ctx;
        this.relation = relation;
        this.name = name;
        this.options = options;
        this.toast = options.toastRelation() == 0 ? null
                : new ToastStore(new HeapRelation(ctx, options.toastRelation(), "pg_toast_" + relation,
                        new HeapOptions(100, 0)));
    }

    /** Creates the relation (and its out-of-line store) in storage: a logged RelationCreate. */
    public static HeapRelation create(AccessContext ctx, int relation, String name, HeapOptions options) {
        List<PageChange> changes = new ArrayList<>();
        changes.add(new RelationCreate(relation, ForkNumber.MAIN));
        if (options.toastRelation() != 0) {
            changes.add(new RelationCreate(options.toastRelation(), ForkNumber.MAIN));
        }
        ctx.writer().append(new WalRecord(changes, null));
        ctx.cache().relationCreated(relation, ForkNumber.MAIN);
        if (options.toastRelation() != 0) {
            ctx.cache().relationCreated(options.toastRelation(), ForkNumber.MAIN);
        }
        return new HeapRelation(ctx, relation, name, options);
    }

    /** Opens an existing relation (e.g. after a restart). */
    public static HeapRelation open(AccessContext ctx, int relation, String name, HeapOptions options) {
        return new HeapRelation(ctx, relation, name, options);
    }

    /** DROP TABLE: logs the drop of the relation and its out-of-line store and forgets their cached pages. */
    public void drop() {
        List<PageChange> changes = new ArrayList<>();
        changes.add(new org.lakepg.storage.RelationDrop(relation));
        if (options.toastRelation() != 0) {
            changes.add(new org.lakepg.storage.RelationDrop(options.toastRelation()));
        }
        org.lakepg.storage.Lsn lsn = ctx.writer().append(new WalRecord(changes, null));
        ctx.cache().forgetRelation(relation, lsn);
        if (options.toastRelation() != 0) {
            ctx.cache().forgetRelation(options.toastRelation(), lsn);
        }
    }

    public int relationId() {
        return relation;
    }

    public String name() {
        return name;
    }

    public HeapOptions options() {
        return options;
    }

    public AccessContext context() {
        return ctx;
    }

    public int blockCount() {
        return ctx.cache().relationSize(relation, ForkNumber.MAIN);
    }

    public PageKey key(int block) {
        return PageKey.main(relation, block);
    }

    ToastStore toast() {
        return toast;
    }

    FreeSpaceMap freeSpaceMap() {
        return fsm;
    }

    /**
     * The table's toast_tuple_target (PostgreSQL's default 2032 bytes of a whole tuple gives {@link #TOAST_THRESHOLD}
     * bytes of payload); a payload that does not fit a page goes out of line whatever the target.
     */
    public void toastTupleTarget(int target) {
        int threshold = Math.min(target - (2032 - TOAST_THRESHOLD), MAX_INLINE_PAYLOAD);
        if (toastThreshold != threshold) { // every statement passes here: write only when it changes
            toastThreshold = threshold;
        }
    }

    // ---- insert -----------------------------------------------------------------------------------------------

    public Tid insert(Transaction txn, byte[] payload) {
        long xid = txn.xid();
        int cid = txn.writeCommandId();
        byte[] stored = payload;
        int mask = 0;
        if (payload.length > toastThreshold && toast != null) {
            stored = toast.store(xid, cid, payload);
            mask |= TupleHeader.HAS_EXTERNAL;
        }
        Tid tid = place(xid, cid, stored, mask);
        insertedSinceVacuum.incrementAndGet();
        return tid;
    }

    /**
     * Inserts the rows of one command that come in bulk (COPY FROM): each page taken is filled with as many of them
     * as fit and logged as one record, instead of a pin, a page diff and a WAL record per row (PostgreSQL's
     * heap_multi_insert). Returns their tids in order.
     */
    public List<Tid> insertAll(Transaction txn, List<byte[]> payloads) {
        long xid = txn.xid();
        int cid = txn.writeCommandId();
        byte[][] stored = new byte[payloads.size()][];
        int[] masks = new int[stored.length];
        for (int i = 0; i < stored.length; i++) {
            byte[] payload = payloads.get(i);
            stored[i] = payload;
            if (payload.length > toastThreshold && toast != null) {
                stored[i] = toast.store(xid, cid, payload);
                masks[i] = TupleHeader.HAS_EXTERNAL;
            }
            checkSize(stored[i]);
        }
        List<Tid> tids = new ArrayList<>(stored.length);
        while (tids.size() < stored.length) {
            place(xid, cid, stored, masks, tids.size(), tids);
        }
        insertedSinceVacuum.addAndGet(stored.length);
        return tids;
    }

    /** Stores a tuple on some page with room (respecting fillfactor), extending the relation if none has. */
    Tid place(long xid, int cid, byte[] stored, int mask) {
        checkSize(stored);
        List<Tid> tid = new ArrayList<>(1);
        place(xid, cid, new byte[][] {stored}, new int[] {mask}, 0, tid);
        return tid.getFirst();
    }

    /**
     * Stores {@code stored[from]} on some page with room (respecting fillfactor), extending the relation if none
     * has, and the tuples after it on the same page while they fit; all in one record. Adds their tids to
     * {@code placed}.
     */
    private void place(long xid, int cid, byte[][] stored, int[] masks, int from, List<Tid> placed) {
        int itemLength = TupleHeader.SIZE + stored[from].length;
        int reserve = Page.SIZE * (100 - options.fillfactor()) / 100;
        int needed = itemLength + SlottedPage.LINE_POINTER_SIZE + reserve;
        int candidate = fsm.find(needed);
        if (candidate < 0) {
            int last = blockCount() - 1;
            if (last >= 0 && !fsm.knows(last)) {
                candidate = last;
            }
        }
        while (true) {
            try (PinnedPage page = candidate >= 0 ? ctx.cache().pinExclusive(key(candidate))
                    : ctx.cache().extend(relation, ForkNumber.MAIN);
                 var change = ctx.writer().begin()) {
                byte[] p = page.data();
                change.track(page);
                if (SlottedPage.isNew(p)) {
                    SlottedPage.init(p, 0);
                }
                boolean fresh = candidate < 0;
                if (fresh || SlottedPage.freeSpace(p) >= itemLength + reserve) {
                    int offset = addTuple(p, page.block(), xid, cid, stored[from], masks[from], 0);
                    if (offset > 0) {
                        placed.add(new Tid(page.block(), offset));
                        for (int i = from + 1; i < stored.length
                                && SlottedPage.freeSpace(p) >= TupleHeader.SIZE + stored[i].length + reserve; i++) {
                            offset = addTuple(p, page.block(), xid, cid, stored[i], masks[i], 0);
                            if (offset < 0) {
                                break;
                            }
                            placed.add(new Tid(page.block(), offset));
                        }
                        change.commit();
                        fsm.record(page.block(), SlottedPage.freeSpace(p));
                        return;
                    }
                    if (fresh) {
                        throw new IllegalStateException("a tuple of " + itemLength + " bytes does not fit an empty page");
                    }
                }
                fsm.record(page.block(), SlottedPage.freeSpace(p));
                change.commit(); // only the initialization of a new page, if any
            }
            int next = fsm.find(needed);
            candidate = next == candidate ? -1 : next;
        }
    }

    private void checkSize(byte[] stored) {
        if (stored.length > MAX_INLINE_PAYLOAD) {
            throw PgException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "row is too big: size %d, maximum size %d",
                    stored.length + TupleHeader.SIZE, MAX_INLINE_PAYLOAD + TupleHeader.SIZE);
        }
    }

    /** Adds the tuple to the page; returns its offset number, or -1 if it does not fit. */
    private static int addTuple(byte[] p, int block, long xid, int cid, byte[] stored, int mask, int mask2) {
        byte[] tuple = new byte[TupleHeader.SIZE + stored.length];
        System.arraycopy(stored, 0, tuple, TupleHeader.SIZE, stored.length);
        TupleHeader.write(tuple, xid, cid, new Tid(block, 1), mask, mask2);
        int offset = SlottedPage.addItem(p, tuple, tuple.length);
        if (offset > 0) {
            TupleHeader.ctid(p, SlottedPage.itemOffset(p, offset), new Tid(block, offset));
        }
        return offset;
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    /** The tuple at exactly {@code tid} if the snapshot sees it. */
    public Optional<HeapTuple> fetch(Snapshot snapshot, Tid tid) {
        if (tid.block() >= blockCount()) {
            return Optional.empty();
        }
        Raw raw;
        try (PinnedPage page = ctx.cache().pinShared(key(tid.block()))) {
            byte[] p = page.data();
            if (tid.offset() > SlottedPage.itemCount(p) || SlottedPage.itemFlags(p, tid.offset()) != SlottedPage.LP_NORMAL) {
                return Optional.empty();
            }
            int t = SlottedPage.itemOffset(p, tid.offset());
            if (!ctx.visibility().isVisible(p, t, snapshot)) {
                return Optional.empty();
            }
            raw = read(p, tid);
        }
        return Optional.of(detoast(raw));
    }

    /** The header of the version at exactly {@code tid}, whatever its visibility (for system columns). */
    public Optional<TupleSystemColumns> systemColumns(Tid tid) {
        if (tid.block() >= blockCount()) {
            return Optional.empty();
        }
        try (PinnedPage page = ctx.cache().pinShared(key(tid.block()))) {
            byte[] p = page.data();
            if (tid.offset() > SlottedPage.itemCount(p) || SlottedPage.itemFlags(p, tid.offset()) != SlottedPage.LP_NORMAL) {
                return Optional.empty();
            }
            int t = SlottedPage.itemOffset(p, tid.offset());
            return Optional.of(new TupleSystemColumns(TupleHeader.xmin(p, t), TupleHeader.xmax(p, t),
                    TupleHeader.cmin(p, t), TupleHeader.cmax(p, t)));
        }
    }

    /**
     * The version of the HOT chain starting at {@code root} (what index entries point to) that the snapshot sees:
     * follows redirects and the chain of heap-only versions on the page.
     */
    public Optional<HeapTuple> fetchThroughChain(Snapshot snapshot, Tid root) {
        return HotChains.fetchVisible(this, snapshot, root);
    }

    /**
     * The newest committed or own version reachable from {@code tid} by following update links, ignoring snapshots
     * (what READ COMMITTED re-checks after a concurrent update, PostgreSQL's EvalPlanQual fetch).
     */
    public Optional<HeapTuple> fetchLatest(Transaction txn, Tid tid) {
        Tid current = tid;
        while (true) {
            if (current.block() >= blockCount()) {
                return Optional.empty();
            }
            Raw raw;
            try (PinnedPage page = ctx.cache().pinShared(key(current.block()))) {
                byte[] p = page.data();
                int offset = current.offset();
                if (offset <= SlottedPage.itemCount(p) && SlottedPage.itemFlags(p, offset) == SlottedPage.LP_REDIRECT) {
                    offset = SlottedPage.itemOffset(p, offset);
                }
                if (offset > SlottedPage.itemCount(p) || SlottedPage.itemFlags(p, offset) != SlottedPage.LP_NORMAL) {
                    return Optional.empty();
                }
                Tid self = new Tid(current.block(), offset);
                Object state = check(txn, p, self, false);
                if (state instanceof WriteResult.Deleted) {
                    return Optional.empty();
                }
                if (state instanceof WriteResult.Updated updated) {
                    current = updated.newer();
                    continue;
                }
                raw = read(p, self);
            }
            return Optional.of(detoast(raw));
        }
    }

    /**
     * The state of the HOT chain starting at {@code root} for a unique check: Live if some version is live (or
     * inserted by {@code me}), InProgress if a running transaction is inserting or deleting one, Dead otherwise.
     */
    public Visibility.DirtyState chainState(Transaction me, Tid root) {
        return HotChains.state(this, me, root, null);
    }

    /**
     * Like {@link #chainState(Transaction, Tid)}, ignoring versions whose payload fails {@code sameRow} (null = no
     * filter): what a unique check uses to skip a reused line pointer.
     */
    public Visibility.DirtyState chainState(Transaction me, Tid root, java.util.function.Predicate<byte[]> sameRow) {
        return HotChains.state(this, me, root, sameRow);
    }

    /** All tuples the snapshot sees, page by page (a page's tuples are copied while it is latched). */
    public Iterator<HeapTuple> scan(Snapshot snapshot) {
        int blocks = blockCount();
        return new Iterator<>() {
            private int block;
            private final ArrayDeque<HeapTuple> batch = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (batch.isEmpty() && block < blocks) {
                    readBlock(block++, snapshot, batch);
                }
                return !batch.isEmpty();
            }

            @Override
            public HeapTuple next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.poll();
            }
        };
    }

    private void readBlock(int block, Snapshot snapshot, ArrayDeque<HeapTuple> out) {
        if (snapshot.owner() != null) {
            snapshot.owner().deadline().check(); // a long scan honours cancel and statement_timeout
        }
        List<Raw> raws = new ArrayList<>();
        try (PinnedPage page = ctx.cache().pinShared(key(block))) {
            byte[] p = page.data();
            int count = SlottedPage.itemCount(p);
            for (int offset = 1; offset <= count; offset++) {
                if (SlottedPage.itemFlags(p, offset) != SlottedPage.LP_NORMAL) {
                    continue;
                }
                int t = SlottedPage.itemOffset(p, offset);
                if (ctx.visibility().isVisible(p, t, snapshot)) {
                    raws.add(read(p, new Tid(block, offset)));
                }
            }
        }
        for (Raw raw : raws) {
            out.add(detoast(raw));
        }
    }

    /** A tuple as stored: its payload may be a pointer to the out-of-line store. */
    record Raw(Tid tid, byte[] stored, boolean external, long xmin, long xmax) {
    }

    /** Copies the stored tuple; the page must be latched. */
    static Raw read(byte[] p, Tid tid) {
        int t = SlottedPage.itemOffset(p, tid.offset());
        int len = SlottedPage.itemLength(p, tid.offset());
        byte[] stored = java.util.Arrays.copyOfRange(p, t + TupleHeader.SIZE, t + len);
        return new Raw(tid, stored, TupleHeader.has(p, t, TupleHeader.HAS_EXTERNAL),
                TupleHeader.xmin(p, t), TupleHeader.xmax(p, t));
    }

    /**
     * The tuple at {@code tid} of a page image that is not in the buffer cache (a version of the page read from
     * storage at an older LSN), with its out-of-line values.
     */
    public HeapTuple tupleOfImage(byte[] image, Tid tid) {
        return detoast(read(image, tid));
    }

    /** Reads out-of-line values; called without any latch held. */
    HeapTuple detoast(Raw raw) {
        byte[] payload = raw.external() ? toast.fetch(raw.stored()) : raw.stored();
        return new HeapTuple(raw.tid(), payload, raw.xmin(), raw.xmax());
    }

    // ---- delete, update, lock ---------------------------------------------------------------------------------

    /** SELECT ... FOR UPDATE/SHARE: locks the row version until the transaction ends. */
    public WriteResult lock(Transaction txn, Tid tid, LockMode mode, WaitPolicy policy) {
        return lockAndCheck(txn, tid, mode, policy);
    }

    public WriteResult delete(Transaction txn, Tid tid, WaitPolicy policy) {
        WriteResult locked = lockAndCheck(txn, tid, LockMode.UPDATE, policy);
        if (!(locked instanceof WriteResult.Ok)) {
            return locked;
        }
        long xid = txn.xid();
        int cid = txn.writeCommandId();
        while (true) {
            long waitFor;
            try (PinnedPage page = ctx.cache().pinExclusive(key(tid.block())); var change = ctx.writer().begin()) {
                byte[] p = page.data();
                Object state = check(txn, p, tid, true);
                if (state instanceof Long xmax) {
                    waitFor = xmax;
                } else if (state instanceof WriteResult result) {
                    if (!(result instanceof WriteResult.Ok)) {
                        return result;
                    }
                    change.track(page);
                    int t = SlottedPage.itemOffset(p, tid.offset());
                    setXmax(p, t, xid, cid);
                    // a deleted version points to itself; a link left by an aborted update must not survive
                    TupleHeader.ctid(p, t, tid);
                    TupleHeader.infomask2(p, t, (TupleHeader.infomask2(p, t) | TupleHeader.KEYS_UPDATED)
                            & ~TupleHeader.HOT_UPDATED);
                    change.commit();
                    deadSinceVacuum.incrementAndGet();
                    return new WriteResult.Ok(tid);
                } else {
                    throw new IllegalStateException();
                }
            }
            ctx.txns().waitFor(txn, waitFor);
        }
    }

    /**
     * Replaces the row version at {@code tid} with {@code payload}. {@code indexedColumnsUnchanged} allows a HOT
     * update (the new version gets no index entries: the caller must not insert any when the returned tid is on
     * the same block and the update was HOT — see {@link #isHeapOnly}).
     */
    public WriteResult update(Transaction txn, Tid tid, byte[] payload, boolean indexedColumnsUnchanged,
                              WaitPolicy policy) {
        return updateVersion(txn, tid, payload, indexedColumnsUnchanged, policy);
    }

    /**
     * Like {@link #update(Transaction, Tid, byte[], boolean, WaitPolicy)}, deciding whether indexed columns are
     * unchanged (so HOT is allowed) by testing the replaced version's payload; a version with out-of-line values
     * never qualifies. A version's payload never changes once written, so reading it before locking is safe.
     */
    public WriteResult update(Transaction txn, Tid tid, byte[] payload,
                              java.util.function.Predicate<byte[]> indexedColumnsUnchangedFrom, WaitPolicy policy) {
        byte[] old = null;
        if (tid.block() < blockCount()) {
            try (PinnedPage page = ctx.cache().pinShared(key(tid.block()))) {
                byte[] p = page.data();
                if (tid.offset() <= SlottedPage.itemCount(p)
                        && SlottedPage.itemFlags(p, tid.offset()) == SlottedPage.LP_NORMAL
                        && !TupleHeader.has(p, SlottedPage.itemOffset(p, tid.offset()), TupleHeader.HAS_EXTERNAL)) {
                    old = read(p, tid).stored();
                }
            }
        }
        boolean unchanged = old != null && indexedColumnsUnchangedFrom.test(old);
        return updateVersion(txn, tid, payload, unchanged, policy);
    }

    private WriteResult updateVersion(Transaction txn, Tid tid, byte[] payload, boolean indexedColumnsUnchanged,
                                      WaitPolicy policy) {
        LockMode mode = indexedColumnsUnchanged ? LockMode.NO_KEY_UPDATE : LockMode.UPDATE;
        boolean lockedBefore = ctx.txns().rowLocks().holds(txn, new RowLocks.RowId(relation, tid.pack()));
        WriteResult locked = lockAndCheck(txn, tid, mode, policy);
        if (!(locked instanceof WriteResult.Ok)) {
            return locked;
        }
        long xid = txn.xid();
        int cid = txn.writeCommandId();
        byte[] stored = payload;
        int mask = TupleHeader.UPDATED;
        if (payload.length > toastThreshold && toast != null) {
            stored = toast.store(xid, cid, payload);
            mask |= TupleHeader.HAS_EXTERNAL;
        }
        checkSize(stored);
        int itemLength = TupleHeader.SIZE + stored.length;
        while (true) {
            Object state;
            List<byte[]> prunedValues = List.of();
            try (PinnedPage page = ctx.cache().pinExclusive(key(tid.block())); var change = ctx.writer().begin()) {
                byte[] p = page.data();
                state = check(txn, p, tid, true);
                if (state instanceof WriteResult.Ok && indexedColumnsUnchanged
                        && SlottedPage.freeSpace(p) < itemLength) {
                    // make room for a HOT version by pruning dead versions on this page, if there are any
                    try (var prune = ctx.writer().begin()) {
                        prune.track(page);
                        prunedValues = HeapVacuum.pruneInPlace(this, p, tid.block());
                        prune.commit();
                    }
                }
                if (state instanceof WriteResult.Ok && indexedColumnsUnchanged
                        && SlottedPage.freeSpace(p) >= itemLength) {
                    change.track(page);
                    int offset = addTuple(p, tid.block(), xid, cid, stored, mask, TupleHeader.HEAP_ONLY);
                    if (lockedBefore) {
                        carryLock(p, offset, xid);
                    }
                    Tid newTid = new Tid(tid.block(), offset);
                    markUpdated(p, SlottedPage.itemOffset(p, tid.offset()), xid, cid, newTid, true);
                    change.commit();
                    fsm.record(tid.block(), SlottedPage.freeSpace(p));
                    deadSinceVacuum.incrementAndGet();
                    return new WriteResult.Ok(newTid);
                }
            } finally {
                HeapVacuum.removeValues(this, prunedValues);
            }
            if (state instanceof Long xmax) {
                ctx.txns().waitFor(txn, xmax);
                continue;
            }
            if (!(state instanceof WriteResult.Ok)) {
                return (WriteResult) state;
            }
            Object moved = updateToOtherPage(txn, tid, xid, cid, stored, mask, itemLength, lockedBefore);
            if (moved instanceof Long xmax) {
                ctx.txns().waitFor(txn, xmax);
            } else if (moved instanceof WriteResult result) {
                if (result instanceof WriteResult.Ok) {
                    deadSinceVacuum.incrementAndGet();
                }
                return result;
            }
            // null: the target page filled up meanwhile; try again
        }
    }

    /** Puts the new version on another page; both pages are latched in block order (extension: new page first). */
    private Object updateToOtherPage(Transaction txn, Tid tid, long xid, int cid, byte[] stored, int mask,
                                     int itemLength, boolean lockedBefore) {
        int reserve = Page.SIZE * (100 - options.fillfactor()) / 100;
        int target = fsm.find(itemLength + SlottedPage.LINE_POINTER_SIZE + reserve);
        if (target == tid.block()) {
            target = -1;
        }
        PinnedPage first = null;
        PinnedPage second = null;
        try {
            PinnedPage oldPage;
            PinnedPage newPage;
            if (target < 0) {
                newPage = first = ctx.cache().extend(relation, ForkNumber.MAIN);
                oldPage = second = ctx.cache().pinExclusive(key(tid.block()));
            } else if (target < tid.block()) {
                newPage = first = ctx.cache().pinExclusive(key(target));
                oldPage = second = ctx.cache().pinExclusive(key(tid.block()));
            } else {
                oldPage = first = ctx.cache().pinExclusive(key(tid.block()));
                newPage = second = ctx.cache().pinExclusive(key(target));
            }
            byte[] op = oldPage.data();
            Object state = check(txn, op, tid, true);
            if (!(state instanceof WriteResult.Ok)) {
                return state;
            }
            try (var change = ctx.writer().begin()) {
                change.track(newPage).track(oldPage);
                byte[] np = newPage.data();
                if (SlottedPage.isNew(np)) {
                    SlottedPage.init(np, 0);
                }
                if (SlottedPage.freeSpace(np) < itemLength + (target < 0 ? 0 : reserve)) {
                    fsm.record(newPage.block(), SlottedPage.freeSpace(np));
                    change.commit();
                    return null;
                }
                int offset = addTuple(np, newPage.block(), xid, cid, stored, mask, 0);
                if (lockedBefore) {
                    carryLock(np, offset, xid);
                }
                Tid newTid = new Tid(newPage.block(), offset);
                markUpdated(op, SlottedPage.itemOffset(op, tid.offset()), xid, cid, newTid, false);
                change.commit();
                fsm.record(newPage.block(), SlottedPage.freeSpace(np));
                return new WriteResult.Ok(newTid);
            }
        } finally {
            if (second != null) {
                second.close();
            }
            if (first != null) {
                first.close();
            }
        }
    }

    /** True if the tuple at {@code tid} is a heap-only (HOT) version, which index entries must not point to. */
    public boolean isHeapOnly(Tid tid) {
        try (PinnedPage page = ctx.cache().pinShared(key(tid.block()))) {
            byte[] p = page.data();
            return SlottedPage.itemFlags(p, tid.offset()) == SlottedPage.LP_NORMAL
                    && TupleHeader.has2(p, SlottedPage.itemOffset(p, tid.offset()), TupleHeader.HEAP_ONLY);
        }
    }

    private static void setXmax(byte[] p, int t, long xid, int cid) {
        TupleHeader.xmax(p, t, xid);
        TupleHeader.cmax(p, t, cid);
        TupleHeader.infomask(p, t, TupleHeader.infomask(p, t)
                & ~(TupleHeader.XMAX_INVALID | TupleHeader.XMAX_COMMITTED | TupleHeader.XMAX_LOCK_ONLY));
    }

    /**
     * The new version of a row the updating transaction had locked before (SELECT ... FOR UPDATE, ON CONFLICT DO
     * UPDATE's lock) keeps showing that lock, as heap_update carries a locker that remains into the new version's
     * xmax: xmax is the transaction's xid, marked lock-only.
     */
    private static void carryLock(byte[] p, int offset, long xid) {
        int t = SlottedPage.itemOffset(p, offset);
        TupleHeader.xmax(p, t, xid);
        TupleHeader.infomask(p, t, TupleHeader.infomask(p, t) | TupleHeader.XMAX_LOCK_ONLY | TupleHeader.XMAX_INVALID);
    }

    private static void markUpdated(byte[] p, int t, long xid, int cid, Tid newTid, boolean hot) {
        setXmax(p, t, xid, cid);
        TupleHeader.ctid(p, t, newTid);
        int mask2 = TupleHeader.infomask2(p, t) & ~TupleHeader.HOT_UPDATED;
        TupleHeader.infomask2(p, t, hot ? mask2 | TupleHeader.HOT_UPDATED : mask2);
    }

    private WriteResult lockAndCheck(Transaction txn, Tid tid, LockMode mode, WaitPolicy policy) {
        RowLocks.RowId row = new RowLocks.RowId(relation, tid.pack());
        if (!ctx.txns().rowLocks().lock(txn, row, mode, policy, name)) {
            return new WriteResult.Skipped();
        }
        while (true) {
            Object state;
            try (PinnedPage page = ctx.cache().pinShared(key(tid.block()))) {
                state = check(txn, page.data(), tid, true);
            }
            if (state instanceof Long xmax) {
                if (policy == WaitPolicy.NOWAIT) {
                    throw PgException.of(SqlState.LOCK_NOT_AVAILABLE,
                            "could not obtain lock on row in relation \"%s\"", name);
                }
                if (policy == WaitPolicy.SKIP_LOCKED) {
                    return new WriteResult.Skipped();
                }
                ctx.txns().waitFor(txn, xmax);
                continue;
            }
            return (WriteResult) state;
        }
    }

    /**
     * Whether the row version can be changed by {@code txn} now: a {@link WriteResult} (Ok = yes), or the Long xid
     * of a running transaction to wait for. Raises 40001 under REPEATABLE READ for a concurrently changed row.
     */
    private Object check(Transaction txn, byte[] p, Tid tid, boolean raiseSerializationFailure) {
        if (tid.offset() > SlottedPage.itemCount(p) || SlottedPage.itemFlags(p, tid.offset()) != SlottedPage.LP_NORMAL) {
            return new WriteResult.Deleted();
        }
        int t = SlottedPage.itemOffset(p, tid.offset());
        int mask = TupleHeader.infomask(p, t);
        long xmax = TupleHeader.xmax(p, t);
        if ((mask & TupleHeader.XMAX_INVALID) != 0 || xmax == Xids.INVALID) {
            return new WriteResult.Ok(tid);
        }
        if (txn.isOwnXid(xmax)) {
            return new WriteResult.SelfModified();
        }
        if ((mask & TupleHeader.XMAX_COMMITTED) == 0) {
            if (ctx.txns().isRunning(xmax)) {
                return xmax;
            }
            if (ctx.txns().status(xmax) != org.lakepg.server.txn.XidStatus.COMMITTED) {
                return new WriteResult.Ok(tid); // aborted (or crashed) updater: the version is still current
            }
        }
        Tid next = TupleHeader.ctid(p, t);
        boolean deleted = next.equals(tid);
        if (raiseSerializationFailure && txn.isolation().usesTransactionSnapshot()) {
            throw PgException.of(SqlState.T_R_SERIALIZATION_FAILURE, "could not serialize access due to concurrent %s",
                    deleted ? "delete" : "update");
        }
        return deleted ? new WriteResult.Deleted() : new WriteResult.Updated(next);
    }

    // ---- statistics for autovacuum ----------------------------------------------------------------------------

    /** Row versions made dead (updated or deleted) since the last vacuum. */
    public long deadSinceVacuum() {
        return deadSinceVacuum.get();
    }

    /** Estimated live rows as of the last vacuum plus inserts since. */
    public long liveEstimate() {
        return liveEstimate + insertedSinceVacuum.get();
    }

    void vacuumed(long live) {
        liveEstimate = live;
        insertedSinceVacuum.set(0);
        deadSinceVacuum.set(0);
    }
}
