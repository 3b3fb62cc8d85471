package org.lakepg.server.analytics;

import java.util.BitSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.source.PageRange;
import org.lakepg.analytics.source.TableSource;
import org.lakepg.server.access.buffer.PinnedPage;
import org.lakepg.server.access.heap.HeapRelation;
import org.lakepg.server.access.heap.HeapTuple;
import org.lakepg.server.access.heap.Tid;
import org.lakepg.server.access.heap.TupleHeader;
import org.lakepg.server.access.page.SlottedPage;
import org.lakepg.server.table.RowCodec;
import org.lakepg.server.table.TableInfo;
import org.lakepg.server.txn.Snapshot;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.ObjectStore;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PageService;
import org.lakepg.storage.TimelineId;

/**
 * One table's heap pages decoded for the columnar engine, with the visibility of one transaction snapshot: the
 * materializer's (then pages with rows of unfinished xids are noted, see {@link SettledPages}) or a query's (then the
 * result equals what the row engine's scan would see). The heap is read through the compute's buffer cache, so a
 * time-travel compute decodes pages and commit status as of its LSN. Large values are fetched from the TOAST store.
 */
public final class HeapTableSource implements TableSource {
    private final String name;
    private final TableInfo table;
    private final Schema schema;
    private final HeapRelation heap;
    private final Snapshot snapshot;
    private final PageService pages;
    private final TimelineId timeline;
    private final ObjectStore store;
    private final String root;
    private final BitSet unsettled = new BitSet();
    private final ConcurrentMap<Lsn, Optional<SettledPages>> settled = new ConcurrentHashMap<>();
    /** Share of one core a background materialization may use, enforced between page ranges (1 = unthrottled). */
    private double cpuShare = 1;
    private long workStart;
    /** Pages changed after this LSN are read as of it (null: read the compute's current pages). */
    private Lsn asOf;

    public HeapTableSource(String name, TableInfo table, Schema schema, HeapRelation heap, Snapshot snapshot,
                           PageService pages, TimelineId timeline, ObjectStore store, String root) {
        this.name = name;
        this.table = table;
        this.schema = schema;
        this.heap = heap;
        this.snapshot = snapshot;
        this.pages = pages;
        this.timeline = timeline;
        this.store = store;
        this.root = root;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** Every block the compute has, also those added after {@code lsn}: their rows are decoded with the snapshot. */
    @Override
    public int pageCount(Lsn lsn) {
        return heap.blockCount();
    }

    /**
     * Decodes every page as it was at {@code lsn} (the materializer's LSN): a page this compute changed after it is
     * read from storage at that LSN. The materializer's snapshot does not hold back pruning
     * ({@code TransactionManager.beginNotHoldingBackPruning}), so pruning after the LSN may already have removed
     * row versions the snapshot sees; reading such pages as of the LSN keeps the snapshot exact.
     */
    public HeapTableSource readingAsOf(Lsn lsn) {
        this.asOf = lsn;
        return this;
    }

    /** Throttles this source's reads (and the Parquet writing between them) to {@code share} of a core. */
    public HeapTableSource throttled(double share) {
        this.cpuShare = share;
        return this;
    }

    /** Rests long enough that the work since the last rest used at most the CPU share (a duty cycle). */
    private void rest() {
        long now = System.nanoTime();
        if (cpuShare < 1 && workStart != 0) {
            long restNanos = (long) ((now - workStart) * (1 - cpuShare) / cpuShare);
            try {
                Thread.sleep(restNanos / 1_000_000, (int) (restNanos % 1_000_000));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("materialization interrupted", ie);
            }
        }
        workStart = System.nanoTime();
    }

    @Override
    public void readPages(PageRange range, Lsn lsn, RowSink sink) {
        rest(); // the Parquet file of the previous range was written since the last rest
        try {
            decodePages(range, sink);
        } finally {
            rest();
        }
    }

    private void decodePages(PageRange range, RowSink sink) {
        RowCodec codec = new RowCodec(table.columnTypes());
        int width = schema.size();
        int end = Math.min(range.to(), heap.blockCount());
        for (int block = range.from(); block < end; block++) {
            if (snapshot.owner() != null) {
                snapshot.owner().deadline().check();
            }
            for (HeapTuple tuple : visibleTuples(block)) {
                Object[] decoded = codec.decode(tuple.payload());
                Object[] row = new Object[width];
                for (int i = 0; i < width; i++) {
                    row[i] = ColumnTypes.toBatch(decoded[i]);
                }
                sink.accept(block, row);
            }
        }
    }

    /** The page's tuples this snapshot sees, in line pointer order; notes the page if an xid on it was unfinished. */
    private java.util.List<HeapTuple> visibleTuples(int block) {
        java.util.List<HeapTuple> out = new java.util.ArrayList<>();
        java.util.List<Tid> external = new java.util.ArrayList<>();
        PageKey key = heap.key(block);
        boolean changedSinceAsOf;
        try (PinnedPage page = heap.context().cache().pinShared(key)) {
            changedSinceAsOf = asOf != null && heap.context().cache().readLsn(key).isAfter(asOf);
            if (!changedSinceAsOf) {
                collect(block, page.data(), out, external);
            }
        }
        if (changedSinceAsOf) { // maybe pruned since: decode the page as it was then
            collect(block, pages.getPage(timeline, key, asOf), out, null);
            return out;
        }
        int next = 0;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) == null) {
                Tid tid = external.get(next++);
                Optional<HeapTuple> fetched = heap.fetch(snapshot, tid);
                if (fetched.isEmpty() && asOf != null) {
                    // pruned since the latch was released (this snapshot does not hold pruning back)
                    out.clear();
                    collect(block, pages.getPage(timeline, key, asOf), out, null);
                    return out;
                }
                out.set(i, fetched.orElse(null));
            }
        }
        out.removeIf(java.util.Objects::isNull);
        return out;
    }

    /**
     * Adds the visible tuples of page {@code p} to {@code out}. A buffer page ({@code external} given) is latched:
     * its TOASTed tuples are added as null and their tids to {@code external}, to be fetched without the latch.
     */
    private void collect(int block, byte[] p, java.util.List<HeapTuple> out, java.util.List<Tid> external) {
        boolean pageUnsettled = false;
        int count = SlottedPage.itemCount(p);
        for (int offset = 1; offset <= count; offset++) {
            if (SlottedPage.itemFlags(p, offset) != SlottedPage.LP_NORMAL) {
                continue;
            }
            int t = SlottedPage.itemOffset(p, offset);
            pageUnsettled |= !settled(TupleHeader.xmin(p, t)) || !settled(TupleHeader.xmax(p, t));
            if (!heap.context().visibility().isVisible(p, t, snapshot)) {
                continue;
            }
            Tid tid = new Tid(block, offset);
            if (external == null) {
                out.add(heap.tupleOfImage(p, tid)); // a private copy of the page: no latch to release first
            } else if (TupleHeader.has(p, t, TupleHeader.HAS_EXTERNAL)) {
                external.add(tid);
                out.add(null); // fetched by the caller, without holding the page latch
            } else {
                int len = SlottedPage.itemLength(p, offset);
                byte[] payload = java.util.Arrays.copyOfRange(p, t + TupleHeader.SIZE, t + len);
                out.add(new HeapTuple(tid, payload, TupleHeader.xmin(p, t), TupleHeader.xmax(p, t)));
            }
        }
        if (pageUnsettled) {
            synchronized (unsettled) {
                unsettled.set(block);
            }
        }
    }

    /** An xid whose outcome no snapshot taken later can see differently (0 = none, 1-2 bootstrap/frozen). */
    private boolean settled(long xid) {
        return xid < 3 || xid < snapshot.xmin();
    }

    /**
     * Pages written in {@code (from, to]}, plus the pages the snapshot at {@code from} could not settle; every page
     * when that snapshot's visibility cannot stand for this source's snapshot.
     */
    @Override
    public BitSet changedPages(Lsn from, Lsn to) {
        BitSet changed;
        try {
            changed = from.equals(to) ? new BitSet()
                    : pages.changedPages(timeline, table.relation(), ForkNumber.MAIN, from, to);
        } catch (org.lakepg.storage.StorageException belowGcHorizon) {
            // the changes since the snapshot are no longer known: every page counts as changed
            changed = new BitSet();
            changed.set(0, heap.blockCount());
            return changed;
        }
        Optional<SettledPages> atFrom = settled.computeIfAbsent(from, l -> SettledPages.loadCommitted(store, root, l));
        if (atFrom.isEmpty() || atFrom.get().xmin() > snapshot.xmin()) {
            changed.set(0, Math.max(heap.blockCount(), changed.length()));
            return changed;
        }
        changed.or(atFrom.get().unsettled());
        return changed;
    }

    /** The materializer's snapshot is about to be committed at {@code lsn}: record what its visibility relied on. */
    @Override
    public void beforeSnapshotCommit(Lsn lsn) {
        BitSet copy;
        synchronized (unsettled) {
            copy = (BitSet) unsettled.clone();
        }
        new SettledPages(snapshot.xmin(), copy).store(store, root, lsn);
    }
}
