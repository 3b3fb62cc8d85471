package org.lakepg.server.access.btree;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.lakepg.server.access.AccessContext;
import org.lakepg.server.access.buffer.PinnedPage;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.access.heap.Visibility;
import org.lakepg.server.access.page.Bytes;
import org.lakepg.server.access.page.SlottedPage;
import org.lakepg.server.access.wal.PageWriter;
import org.lakepg.server.txn.Transaction;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Page;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.RelationCreate;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * A B+tree index on 8 KiB pages, Lehman-Yao style (B-link): every page has a high key and a right link, so a
 * reader that arrives at a page after it was split moves right, and readers hold one latch at a time. An insert
 * that splits keeps the split pages latched until the downlink is in the parent (recursively, up to a new root)
 * and logs the whole split as one WAL record, so a crash never leaves half a split behind.
 *
 * <p>Keys are opaque bytes ordered by the caller's {@link KeyComparator}; entries are (key, tid) and unique as a
 * pair. Unique indexes check for a live or in-flight duplicate under a per-key lock, waiting for in-flight
 * inserters to finish as PostgreSQL does.
 */
public final class BTreeIndex {

    /** PostgreSQL's limit: an index entry may take at most about a third of a page. */
    public static final int MAX_ITEM_SIZE = 2704;
    private static final long MINUS_INFINITY = -1;
    private static final long PLUS_INFINITY = Long.MAX_VALUE;
    private static final int STRIPES = 256;

    private final AccessContext ctx;
    private final int relation;
    private final String name;
    private final KeyComparator comparator;
    private final ReentrantLock[] uniqueStripes = new ReentrantLock[STRIPES];
    private final Object vacuumLock = new Object();
    private final java.util.Queue<Integer> freePages = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final BTreePageDeletion pageDeletion = new BTreePageDeletion(this);
    /** The root block as last read from the metapage, NONE before the first descent; see {@link #root}. */
    private volatile int cachedRoot = BTreePage.NONE;

    private BTreeIndex(AccessContext ctx, int relation, String name, KeyComparator comparator) {
        this.ctx = ctx;
        this.relation = relation;
        this.name = name;
        this.comparator = comparator;
        for (int i = 0; i < STRIPES; i++) {
            uniqueStripes[i] = new ReentrantLock();
        }
    }

    /** Creates the index relation: metapage and an empty root leaf, in one record. */
    public static BTreeIndex create(AccessContext ctx, int relation, String name, KeyComparator comparator) {
        ctx.cache().relationCreated(relation, ForkNumber.MAIN);
        try (PinnedPage meta = ctx.cache().extend(relation, ForkNumber.MAIN);
             PinnedPage root = ctx.cache().extend(relation, ForkNumber.MAIN);
             PageWriter.PageChangeSet change = ctx.writer().begin()) {
            change.add(new RelationCreate(relation, ForkNumber.MAIN)).track(meta).track(root);
            BTreePage.init(root.data(), 0, BTreePage.NONE, BTreePage.NONE);
            writeMeta(meta.data(), root.block(), 0);
            change.commit();
        }
        return new BTreeIndex(ctx, relation, name, comparator);
    }

    public static BTreeIndex open(AccessContext ctx, int relation, String name, KeyComparator comparator) {
        return new BTreeIndex(ctx, relation, name, comparator);
    }

    /** DROP INDEX: logs the drop and forgets the cached pages. */
    public void drop() {
        org.lakepg.storage.Lsn lsn = ctx.writer().append(
                org.lakepg.storage.WalRecord.of(new org.lakepg.storage.RelationDrop(relation)));
        ctx.cache().forgetRelation(relation, lsn);
    }

    public int relationId() {
        return relation;
    }

    public String name() {
        return name;
    }

    public KeyComparator comparator() {
        return comparator;
    }

    AccessContext context() {
        return ctx;
    }

    private static void writeMeta(byte[] p, int root, int level) {
        Bytes.i32(p, 0, BTreePage.MAGIC);
        Bytes.i32(p, 4, root);
        Bytes.i32(p, 8, level);
    }

    public PageKey key(int block) {
        return PageKey.main(relation, block);
    }

    // ---- comparisons ------------------------------------------------------------------------------------------

    /** Compares the search entry (key, tid) with the entry at {@code offsetNumber}. */
    int compare(byte[] key, long tid, byte[] p, int offsetNumber) {
        int at = BTreePage.entryStart(p, offsetNumber);
        int c = comparator.compare(key, p, at + 6, at + BTreePage.entryLength(p, offsetNumber));
        if (c != 0) {
            return c;
        }
        long itemTid = ((long) Bytes.i32(p, at) << 16) | Bytes.u16(p, at + 4);
        return Long.compare(tid, itemTid);
    }

    /** First data item whose entry is >= (key, tid); count+1 if none. Internal pages' first item is -infinity. */
    int lowerBound(byte[] p, byte[] key, long tid) {
        int lo = BTreePage.firstData(p) + (BTreePage.isLeaf(p) ? 0 : 1);
        int hi = BTreePage.count(p) + 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(key, tid, p, mid) > 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int upperBound(byte[] p, byte[] key, long tid) {
        int lo = BTreePage.firstData(p) + (BTreePage.isLeaf(p) ? 0 : 1);
        int hi = BTreePage.count(p) + 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(key, tid, p, mid) >= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private boolean beyondHighKey(byte[] p, byte[] key, long tid) {
        return !BTreePage.isRightmost(p) && compare(key, tid, p, 1) >= 0;
    }

    // ---- descent ----------------------------------------------------------------------------------------------

    /**
     * The page at {@code level} whose key range holds (key, tid), latched exclusively or shared. Internal pages are
     * latched one at a time (shared); B-link move-right covers concurrent splits.
     */
    PinnedPage descend(byte[] key, long tid, int level, boolean exclusive) {
        PinnedPage page = root(level);
        while (true) {
            int pageLevel = BTreePage.level(page.data());
            if (pageLevel == level && exclusive) {
                page.exclusive();
            }
            page = moveRight(page, key, tid, pageLevel == level && exclusive);
            if (pageLevel == level) {
                return page;
            }
            if (pageLevel < level) {
                page.close();
                throw new IllegalStateException("index \"" + name + "\" has no level " + level);
            }
            byte[] p = page.data();
            int child = BTreePage.child(p, upperBound(p, key, tid) - 1);
            page.close();
            page = ctx.cache().pinShared(key(child));
        }
    }

    /**
     * A page to start a descent to {@code level} from, latched shared: the root read from the metapage last time if
     * it still is the only live page of its level (it then covers every key, even if a root split has just added a
     * level above it), else the metapage's root. Saves pinning the metapage on every search, like PostgreSQL's
     * cached root in rd_amcache.
     */
    private PinnedPage root(int level) {
        int cached = cachedRoot;
        if (cached != BTreePage.NONE) {
            PinnedPage page = ctx.cache().pinShared(key(cached));
            byte[] p = page.data();
            if (!BTreePage.isDeleted(p) && BTreePage.left(p) == BTreePage.NONE && BTreePage.right(p) == BTreePage.NONE
                    && BTreePage.level(p) >= level) {
                return page;
            }
            page.close();
        }
        int block;
        try (PinnedPage meta = ctx.cache().pinShared(key(BTreePage.META_BLOCK))) {
            block = Bytes.i32(meta.data(), 4);
        }
        cachedRoot = block;
        return ctx.cache().pinShared(key(block));
    }

    private PinnedPage moveRight(PinnedPage page, byte[] key, long tid, boolean exclusive) {
        // a page vacuum deleted after we read a link to it: its keys moved to its right sibling
        while (BTreePage.isDeleted(page.data()) || beyondHighKey(page.data(), key, tid)) {
            int right = BTreePage.right(page.data());
            page.close();
            page = exclusive ? ctx.cache().pinExclusive(key(right)) : ctx.cache().pinShared(key(right));
        }
        return page;
    }

    /** The leftmost (or rightmost) leaf, latched shared. */
    PinnedPage edgeLeaf(boolean rightmost) {
        PinnedPage page = root(0);
        while (true) {
            while (BTreePage.isDeleted(page.data())) {
                int right = BTreePage.right(page.data());
                page.close();
                page = ctx.cache().pinShared(key(right));
            }
            if (rightmost) {
                while (!BTreePage.isRightmost(page.data())) {
                    int right = BTreePage.right(page.data());
                    page.close();
                    page = ctx.cache().pinShared(key(right));
                }
            }
            byte[] p = page.data();
            if (BTreePage.isLeaf(p)) {
                return page;
            }
            int child = BTreePage.child(p, rightmost ? BTreePage.count(p) : BTreePage.firstData(p));
            page.close();
            page = ctx.cache().pinShared(key(child));
        }
    }

    // ---- insert -----------------------------------------------------------------------------------------------

    /**
     * Adds an entry. With {@code unique} set (and a key without NULLs — NULLs never conflict, as in PostgreSQL),
     * raises 23505 if a live row with an equal key exists, waiting first for transactions that are inserting or
     * deleting one.
     */
    public void insert(Transaction txn, byte[] key, Tid tid, UniqueCheck unique) {
        insertRun(txn, List.of(new NewEntry(key, tid, unique)), 0);
    }

    /** An entry to add: its key, the row version it points at, and its uniqueness check (null: none). */
    public record NewEntry(byte[] key, Tid tid, UniqueCheck unique) {
    }

    /**
     * Adds entries in order with the outcome of {@link #insert} called for each, but an entry that belongs on the
     * leaf the one before it went to joins it in the same page change (one WAL record): a batch of ascending keys
     * (a serial key, INSERT ... SELECT or COPY of sorted rows) logs about a record per leaf instead of one per
     * entry. An entry joins only where the leaf alone shows where it goes and, for a unique index, that no equal
     * key exists: its key lies strictly inside the leaf's range and no entry of the leaf has it (an equal key could
     * only be there). The others take {@link #insert}'s path, checks and waits included.
     */
    public void insertAll(Transaction txn, List<NewEntry> entries) {
        int next = 0;
        while (next < entries.size()) {
            next = insertRun(txn, entries, next);
        }
    }

    /** Inserts {@code entries[from]} as {@link #insert} does, then the entries after it that join its leaf. */
    private int insertRun(Transaction txn, List<NewEntry> entries, int from) {
        NewEntry first = entries.get(from);
        checkItemSize(first.key(), first.tid(), first.unique() == null ? name : first.unique().heap().name());
        if (first.unique() == null) {
            return insertEntries(entries, from);
        }
        ReentrantLock stripe = stripe(first.key());
        while (true) {
            long waitFor;
            stripe.lock();
            try {
                waitFor = conflictingWriter(txn, first.key(), first.unique());
                if (waitFor < 0) {
                    return insertEntries(entries, from);
                }
            } finally {
                stripe.unlock();
            }
            ctx.txns().waitFor(txn, waitFor);
        }
    }

    /** Inserts {@code entries[from]} and the entries after it that join its leaf, in one page change. */
    private int insertEntries(List<NewEntry> entries, int from) {
        List<PinnedPage> held = new ArrayList<>(2);
        List<ReentrantLock> stripes = new ArrayList<>();
        int next = from + 1;
        try (PageWriter.PageChangeSet change = ctx.writer().begin()) {
            NewEntry first = entries.get(from);
            PinnedPage leaf = descend(first.key(), first.tid().pack(), 0, true);
            held.add(leaf);
            insertInto(leaf, BTreePage.leafItem(first.key(), first.tid()), first.key(), first.tid().pack(), held,
                    change);
            if (held.size() == 1) { // no split: the leaf still covers the range it was found for
                byte[] p = leaf.data();
                while (next < entries.size() && joinsLeaf(p, entries.get(next), stripes)) {
                    NewEntry e = entries.get(next);
                    long tid = e.tid().pack();
                    if (!SlottedPage.insertItemAt(p, lowerBound(p, e.key(), tid), BTreePage.leafItem(e.key(), e.tid()))) {
                        throw new IllegalStateException("B-tree leaf lost the room it had");
                    }
                    next++;
                }
            }
            change.commit();
        } finally {
            for (int i = stripes.size() - 1; i >= 0; i--) {
                stripes.get(i).unlock();
            }
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).close();
            }
        }
        return next;
    }

    /**
     * Whether {@code e} can go on leaf {@code p} (latched exclusively) without a descent, a split or a uniqueness
     * scan; for a unique index it also takes the key's stripe, without waiting (see {@link #insert}'s stripes:
     * another session may be between its check and its insert of an equal key), into {@code stripes}.
     */
    private boolean joinsLeaf(byte[] p, NewEntry e, List<ReentrantLock> stripes) {
        int first = BTreePage.firstData(p);
        if (e.key().length + 6 > MAX_ITEM_SIZE || BTreePage.count(p) < first
                || SlottedPage.freeSpace(p) < 6 + e.key().length + SlottedPage.LINE_POINTER_SIZE) {
            return false;
        }
        long tid = e.tid().pack();
        if (e.unique() == null) {
            return compare(e.key(), tid, p, first) > 0 && !beyondHighKey(p, e.key(), tid);
        }
        if (compareKey(e.key(), p, first) <= 0 || (!BTreePage.isRightmost(p) && compareKey(e.key(), p, 1) >= 0)) {
            return false;
        }
        int at = lowerBound(p, e.key(), tid);
        if (compareKey(e.key(), p, at - 1) == 0 || (at <= BTreePage.count(p) && compareKey(e.key(), p, at) == 0)) {
            return false;
        }
        ReentrantLock stripe = stripe(e.key());
        if (!stripe.tryLock()) {
            return false;
        }
        stripes.add(stripe);
        return true;
    }

    /** Compares a key with the key of the entry at {@code offsetNumber}, leaving the tids aside. */
    private int compareKey(byte[] key, byte[] p, int offsetNumber) {
        int at = BTreePage.entryStart(p, offsetNumber);
        return comparator.compare(key, p, at + 6, at + BTreePage.entryLength(p, offsetNumber));
    }

    private ReentrantLock stripe(byte[] key) {
        return uniqueStripes[Math.floorMod(java.util.Arrays.hashCode(key), STRIPES)];
    }

    /**
     * With the key's stripe held: raises 23505 if a live row has an equal key; returns the transaction to wait for
     * when one that is inserting or deleting such a row is still running, else -1.
     */
    private long conflictingWriter(Transaction txn, byte[] key, UniqueCheck unique) {
        for (Tid other : equalEntries(key)) {
            Visibility.DirtyState state = unique.heap().chainState(txn, other, unique.keyOf() == null ? null
                    : payload -> java.util.Arrays.equals(unique.keyOf().apply(payload), key));
            if (state instanceof Visibility.DirtyState.Live) {
                throw PgException.of(SqlState.UNIQUE_VIOLATION,
                        "duplicate key value violates unique constraint \"%s\"", unique.constraintName())
                        .withDetail(unique.detail().get());
            }
            if (state instanceof Visibility.DirtyState.InProgress inProgress) {
                return inProgress.xid();
            }
        }
        return -1;
    }

    /** Raises PostgreSQL's error for an entry too large for a third of a page; {@code heapName} is the table's. */
    private void checkItemSize(byte[] key, Tid tid, String heapName) {
        if (key.length + 6 > MAX_ITEM_SIZE) {
            throw PgException.of(SqlState.PROGRAM_LIMIT_EXCEEDED,
                    "index row size %d exceeds btree version 4 maximum %d for index \"%s\"",
                    key.length + 6 + 8, MAX_ITEM_SIZE, name)
                    .withDetail("Index row references tuple " + tid + " in relation \"" + heapName + "\".")
                    .withHint("Values larger than 1/3 of a buffer page cannot be indexed.\n"
                            + "Consider a function index of an MD5 hash of the value, or use full text indexing.");
        }
    }

    /** Tids of all entries whose key equals {@code key}. */
    private List<Tid> equalEntries(byte[] key) {
        List<Tid> tids = new ArrayList<>();
        Iterator<IndexEntry> it = scan(ScanBound.inclusive(key), ScanBound.inclusive(key), true);
        while (it.hasNext()) {
            tids.add(it.next().tid());
        }
        return tids;
    }

    private void insertInto(PinnedPage page, byte[] item, byte[] key, long tid, List<PinnedPage> held,
                            PageWriter.PageChangeSet change) {
        change.track(page);
        byte[] p = page.data();
        int position = lowerBound(p, key, tid);
        if (SlottedPage.insertItemAt(p, position, item)) {
            return;
        }
        split(page, item, position, held, change);
    }

    /** Splits a full page while adding {@code item} at {@code position}, then adds the downlink to the parent. */
    private void split(PinnedPage page, byte[] item, int position, List<PinnedPage> held,
                       PageWriter.PageChangeSet change) {
        byte[] p = page.data();
        int level = BTreePage.level(p);
        int first = BTreePage.firstData(p);
        List<byte[]> items = new ArrayList<>();
        for (int i = first; i <= BTreePage.count(p); i++) {
            if (i == position) {
                items.add(item);
            }
            items.add(SlottedPage.item(p, i));
        }
        if (position > BTreePage.count(p)) {
            items.add(item);
        }
        byte[] oldHigh = BTreePage.isRightmost(p) ? null : SlottedPage.item(p, 1);
        int oldRight = BTreePage.right(p);
        int oldLeft = BTreePage.left(p);
        int splitAt = splitPoint(items, level, oldHigh == null ? 0 : oldHigh.length);

        PinnedPage right = newPage();
        held.add(right);
        change.track(right);
        byte[] rp = right.data();
        byte[] firstRight = items.get(splitAt);
        byte[] separator = level == 0 ? firstRight : java.util.Arrays.copyOfRange(firstRight, 4, firstRight.length);

        BTreePage.init(p, level, oldLeft, right.block());
        append(p, separator);
        for (int i = 0; i < splitAt; i++) {
            append(p, items.get(i));
        }
        BTreePage.init(rp, level, page.block(), oldRight);
        if (oldHigh != null) {
            append(rp, oldHigh);
        }
        for (int i = splitAt; i < items.size(); i++) {
            append(rp, items.get(i));
        }
        if (oldRight != BTreePage.NONE) {
            PinnedPage sibling = ctx.cache().pinExclusive(key(oldRight));
            held.add(sibling);
            change.track(sibling);
            BTreePage.left(sibling.data(), right.block());
        }

        byte[] sepKey = BTreePage.entryKey(separator);
        long sepTid = BTreePage.entryTid(separator).pack();
        boolean wasRoot;
        try (PinnedPage meta = ctx.cache().pinShared(key(BTreePage.META_BLOCK))) {
            wasRoot = Bytes.i32(meta.data(), 4) == page.block(); // only we can change that: we hold the root
        }
        if (wasRoot) {
            PinnedPage meta = ctx.cache().pinExclusive(key(BTreePage.META_BLOCK));
            held.add(meta);
            PinnedPage root = newPage();
            held.add(root);
            change.track(meta).track(root);
            byte[] np = root.data();
            BTreePage.init(np, level + 1, BTreePage.NONE, BTreePage.NONE);
            append(np, BTreePage.internalItem(page.block(), new byte[6])); // minus infinity
            append(np, BTreePage.internalItem(right.block(), separator));
            writeMeta(meta.data(), root.block(), level + 1);
            return;
        }
        PinnedPage parent = descend(sepKey, sepTid, level + 1, true);
        held.add(parent);
        insertInto(parent, BTreePage.internalItem(right.block(), separator), sepKey, sepTid, held, change);
    }

    /**
     * Where to cut {@code items} (the page's data items with the new one) so that both halves fit: the left page
     * also takes the first right item's entry as its high key, the right page keeps the old high key. Of the cuts
     * that fit, the one nearest an even split of the bytes. With items of at most {@link #MAX_ITEM_SIZE} some cut
     * always fits; an even split of the items alone does not when large keys are cut off next to the high keys.
     */
    private static int splitPoint(List<byte[]> items, int level, int oldHighLength) {
        int usable = Page.SIZE - SlottedPage.HEADER_SIZE - BTreePage.SPECIAL;
        int total = 0;
        for (byte[] it : items) {
            total += it.length + SlottedPage.LINE_POINTER_SIZE;
        }
        int best = -1;
        int bestImbalance = Integer.MAX_VALUE;
        int leftItems = 0;
        for (int s = 1; s < items.size(); s++) {
            leftItems += items.get(s - 1).length + SlottedPage.LINE_POINTER_SIZE;
            int separator = items.get(s).length - (level == 0 ? 0 : 4);
            int left = leftItems + separator + SlottedPage.LINE_POINTER_SIZE;
            int right = total - leftItems + (oldHighLength == 0 ? 0 : oldHighLength + SlottedPage.LINE_POINTER_SIZE);
            if (left <= usable && right <= usable && Math.abs(left - right) < bestImbalance) {
                best = s;
                bestImbalance = Math.abs(left - right);
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no split of a B-tree page leaves both halves fitting a page");
        }
        return best;
    }

    private static void append(byte[] p, byte[] item) {
        if (!SlottedPage.insertItemAt(p, SlottedPage.itemCount(p) + 1, item)) {
            throw new IllegalStateException("split half does not fit a page");
        }
    }

    // ---- bulk build -------------------------------------------------------------------------------------------

    /** The order of the index's entries: by key, then by tid (every entry is unique). */
    public java.util.Comparator<IndexEntry> entryOrder() {
        return (a, b) -> {
            int c = comparator.compare(a.key(), b.key());
            return c != 0 ? c : Long.compare(a.tid().pack(), b.tid().pack());
        };
    }

    /**
     * Fills a freshly created, still empty index bottom-up from entries sorted by {@link #entryOrder} (CREATE INDEX,
     * REINDEX): far cheaper than inserting them one by one. Checks no uniqueness; keys must fit as in {@link #insert}.
     */
    public void buildFromSorted(Iterator<IndexEntry> sorted, String heapName) {
        Iterator<IndexEntry> checked = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return sorted.hasNext();
            }

            @Override
            public IndexEntry next() {
                IndexEntry e = sorted.next();
                checkItemSize(e.key(), e.tid(), heapName);
                return e;
            }
        };
        new BTreeBuild(this).run(checked);
        cachedRoot = BTreePage.NONE;
    }

    // ---- scans ------------------------------------------------------------------------------------------------

    /**
     * Entries between the bounds (null = unbounded) in key order, forward or backward. Each leaf's matching entries
     * are copied under its latch; the scan then follows sibling links, so it holds no latch between calls.
     *
     * <p>The first leaf is read when the scan is created: take the snapshot the fetched rows are checked against
     * before creating the scan. A snapshot taken afterwards may count as committed an update whose new index entry
     * the scan had not copied, and then sees neither the old version nor the new one.
     */
    public Iterator<IndexEntry> scan(ScanBound lower, ScanBound upper, boolean forward) {
        return new BTreeScan(this, lower, upper, forward);
    }

    int compareKeys(byte[] a, byte[] b) {
        return comparator.compare(a, b);
    }

    static long searchTid(ScanBound bound, boolean lowerEnd) {
        // inclusive lower: start before every tid of the key; exclusive lower: after all of them, and vice versa
        return lowerEnd == bound.inclusive() ? MINUS_INFINITY : PLUS_INFINITY;
    }

    // ---- vacuum support ---------------------------------------------------------------------------------------

    /**
     * Removes every entry whose tid is in {@code deadTids} (packed); returns how many were removed. Leaves left
     * empty are unlinked from the tree (deleted), and pages deleted long enough ago become reusable by splits.
     * One vacuum per index at a time: only vacuum deletes and recycles pages, so its own walk is never surprised.
     */
    public long bulkDelete(Set<Long> deadTids) {
        synchronized (vacuumLock) {
            long removed = 0;
            List<Integer> emptied = new ArrayList<>();
            int block;
            try (PinnedPage leaf = edgeLeaf(false)) {
                block = leaf.block();
            }
            while (block != BTreePage.NONE) {
                try (PinnedPage page = ctx.cache().pinExclusive(key(block));
                     PageWriter.PageChangeSet change = ctx.writer().begin()) {
                    byte[] p = page.data();
                    if (BTreePage.isDeleted(p)) {
                        block = BTreePage.right(p);
                        continue;
                    }
                    List<Integer> doomed = new ArrayList<>();
                    for (int i = BTreePage.firstData(p); i <= BTreePage.count(p); i++) {
                        if (deadTids.contains(BTreePage.tid(p, i).pack())) {
                            doomed.add(i);
                        }
                    }
                    if (!doomed.isEmpty()) {
                        change.track(page);
                        SlottedPage.deleteItems(p, doomed.stream().mapToInt(Integer::intValue).toArray());
                        change.commit();
                        removed += doomed.size();
                    }
                    if (BTreePage.count(p) < BTreePage.firstData(p) && !BTreePage.isRightmost(p)) {
                        emptied.add(block);
                    }
                    block = BTreePage.right(p);
                }
            }
            for (int leaf : emptied) {
                pageDeletion.deleteEmptyLeaf(leaf);
            }
            pageDeletion.collectRecyclable(freePages);
            return removed;
        }
    }

    /** A page for a split: a recycled deleted page if vacuum found one, else a new block at the end. */
    private PinnedPage newPage() {
        Integer free;
        while ((free = freePages.poll()) != null) {
            PinnedPage page = ctx.cache().pinExclusive(key(free));
            byte[] p = page.data();
            // re-checked under the latch: only pages nobody can reach any more are handed out
            if (BTreePage.isDeleted(p) && BTreePage.safeXid(p) < ctx.txns().oldestXmin()) {
                return page;
            }
            page.close();
        }
        return ctx.cache().extend(relation, ForkNumber.MAIN);
    }

    /** Deleted pages waiting for reuse (found again by the next vacuum after a restart). */
    int freePageCount() {
        return freePages.size();
    }

    /** Every entry in key order (for the verifier). */
    public Iterator<IndexEntry> entries() {
        return scan(null, null, true);
    }

    /** Blocks in the index relation. */
    public int blockCount() {
        return ctx.cache().relationSize(relation, ForkNumber.MAIN);
    }
}
