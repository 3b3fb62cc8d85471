package org.lakepg.server.access.testing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.Page;
import org.lakepg.storage.PageChange;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PageService;
import org.lakepg.storage.PageWrite;
import org.lakepg.storage.Redo;
import org.lakepg.storage.RelationCreate;
import org.lakepg.storage.RelationDrop;
import org.lakepg.storage.RelationTruncate;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalEntry;
import org.lakepg.storage.WalReader;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.WalRecordCodec;
import org.lakepg.storage.WalService;

/**
 * A single-timeline WAL + page store in memory that keeps every page version, for unit tests of the access methods
 * (the crash test uses storage-local). Records are encoded and decoded with the real codec, so what the compute
 * logs is exactly what a real store would replay; reads at an LSN see exactly the records at or below it.
 */
public final class InMemoryStorage implements WalService, PageService {

    /** Every this many writes of a page a materialized image is kept, bounding redo work per read. */
    private static final int IMAGE_EVERY = 16;

    private final TimelineId timeline = TimelineId.random();
    private final List<WalEntry> log = new ArrayList<>();
    private final Map<PageKey, PageHistory> pages = new HashMap<>();
    private final Map<RelFork, TreeMap<Long, Integer>> sizes = new HashMap<>();
    private long insertLsn = 0;
    private volatile long appendedBytes;

    private record RelFork(int relation, ForkNumber fork) {
    }

    private static final class PageHistory {
        final List<Long> lsns = new ArrayList<>();
        final List<PageWrite> writes = new ArrayList<>();
        final TreeMap<Integer, byte[]> images = new TreeMap<>(); // index of last write included -> page
        /** LSN before which this page's history is forgotten (drop or truncate). */
        long resetLsn = -1;
    }

    public TimelineId timeline() {
        return timeline;
    }

    public synchronized int recordCount() {
        return log.size();
    }

    public long appendedBytes() {
        return appendedBytes;
    }

    @Override
    public synchronized Lsn append(TimelineId tl, WalRecord record) {
        check(tl);
        byte[] encoded = WalRecordCodec.encode(record);
        WalRecord decoded = WalRecordCodec.decode(encoded);
        Lsn lsn = WalRecordCodec.lsnAfter(Lsn.of(insertLsn), encoded); // the SPI's LSN accounting
        appendedBytes += lsn.value() - insertLsn;
        insertLsn = lsn.value();
        log.add(new WalEntry(lsn, decoded));
        for (PageChange change : decoded.changes()) {
            apply(lsn.value(), change);
        }
        return lsn;
    }

    private void apply(long lsn, PageChange change) {
        switch (change) {
            case PageWrite write -> {
                PageHistory h = pages.computeIfAbsent(write.key(), k -> new PageHistory());
                h.lsns.add(lsn);
                h.writes.add(write);
                if (h.writes.size() % IMAGE_EVERY == 0) {
                    int last = h.writes.size() - 1;
                    h.images.put(last, materialize(h, last));
                }
                RelFork rf = new RelFork(write.key().relation(), write.key().fork());
                int size = sizeAt(rf, lsn);
                if (write.key().block() + 1 > size) {
                    sizes.computeIfAbsent(rf, r -> new TreeMap<>()).put(lsn, write.key().block() + 1);
                }
            }
            case RelationCreate create -> {
                RelFork rf = new RelFork(create.relation(), create.fork());
                if (sizeAt(rf, lsn) < 0) {
                    sizes.computeIfAbsent(rf, r -> new TreeMap<>()).put(lsn, 0);
                }
            }
            case RelationTruncate truncate -> {
                RelFork rf = new RelFork(truncate.relation(), truncate.fork());
                int size = sizeAt(rf, lsn);
                if (size > truncate.newBlockCount()) {
                    sizes.get(rf).put(lsn, truncate.newBlockCount());
                    forget(truncate.relation(), truncate.fork(), truncate.newBlockCount(), lsn);
                }
            }
            case RelationDrop drop -> {
                for (ForkNumber fork : ForkNumber.values()) {
                    RelFork rf = new RelFork(drop.relation(), fork);
                    if (sizes.containsKey(rf)) {
                        sizes.get(rf).put(lsn, -1);
                    }
                    forget(drop.relation(), fork, 0, lsn);
                }
            }
        }
    }

    /** Restarts the history of the fork's pages from {@code fromBlock} on: reads at or after lsn start from zero. */
    private void forget(int relation, ForkNumber fork, int fromBlock, long lsn) {
        for (var e : pages.entrySet()) {
            PageKey k = e.getKey();
            if (k.relation() == relation && k.fork() == fork && k.block() >= fromBlock) {
                // simplest faithful model: keep the old history but mark where reads must start afresh
                e.getValue().resetLsn = lsn;
            }
        }
    }

    private int sizeAt(RelFork rf, long lsn) {
        TreeMap<Long, Integer> history = sizes.get(rf);
        if (history == null) {
            return -1;
        }
        var e = history.floorEntry(lsn);
        return e == null ? -1 : e.getValue();
    }

    private byte[] materialize(PageHistory h, int lastIndex) {
        var image = h.images.floorEntry(lastIndex);
        int from = image == null ? 0 : image.getKey() + 1;
        byte[] base = image == null ? null : image.getValue();
        return Redo.apply(base, h.writes.subList(from, lastIndex + 1));
    }

    @Override
    public synchronized List<Lsn> appendAll(TimelineId tl, List<WalRecord> records) {
        List<Lsn> lsns = new ArrayList<>();
        for (WalRecord r : records) {
            lsns.add(append(tl, r));
        }
        return lsns;
    }

    @Override
    public synchronized CompletableFuture<Lsn> flush(TimelineId tl, Lsn upTo) {
        check(tl);
        return CompletableFuture.completedFuture(Lsn.min(upTo, Lsn.of(insertLsn)));
    }

    @Override
    public synchronized Lsn durableLsn(TimelineId tl) {
        return Lsn.of(insertLsn);
    }

    @Override
    public synchronized Lsn insertLsn(TimelineId tl) {
        check(tl);
        return Lsn.of(insertLsn);
    }

    @Override
    public synchronized WalReader read(TimelineId tl, Lsn from) {
        check(tl);
        List<WalEntry> entries = log.stream().filter(e -> e.lsn().isAfter(from)).toList();
        Iterator<WalEntry> it = entries.iterator();
        return new WalReader() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public WalEntry next() {
                return it.next();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public synchronized byte[] getPage(TimelineId tl, PageKey key, Lsn lsn) {
        checkRead(tl, lsn);
        PageHistory h = pages.get(key);
        RelFork rf = new RelFork(key.relation(), key.fork());
        if (h == null || sizeAt(rf, lsn.value()) <= key.block()) {
            return Page.zero();
        }
        int last = lastIndexAtOrBefore(h.lsns, lsn.value());
        if (last < 0) {
            return Page.zero();
        }
        if (h.resetLsn >= 0 && h.resetLsn <= lsn.value()) {
            // replay only what was written after the drop/truncate
            List<PageWrite> after = new ArrayList<>();
            for (int i = 0; i <= last; i++) {
                if (h.lsns.get(i) > h.resetLsn) {
                    after.add(h.writes.get(i));
                }
            }
            return Redo.apply(null, after);
        }
        return materialize(h, last);
    }

    private static int lastIndexAtOrBefore(List<Long> lsns, long lsn) {
        int lo = 0;
        int hi = lsns.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (lsns.get(mid) <= lsn) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    @Override
    public synchronized int relationSize(TimelineId tl, int relation, ForkNumber fork, Lsn lsn) {
        checkRead(tl, lsn);
        return Math.max(0, sizeAt(new RelFork(relation, fork), lsn.value()));
    }

    @Override
    public synchronized boolean relationExists(TimelineId tl, int relation, ForkNumber fork, Lsn lsn) {
        checkRead(tl, lsn);
        return sizeAt(new RelFork(relation, fork), lsn.value()) >= 0;
    }

    @Override
    public synchronized BitSet changedPages(TimelineId tl, int relation, ForkNumber fork, Lsn from, Lsn to) {
        BitSet changed = new BitSet();
        for (var e : pages.entrySet()) {
            PageKey k = e.getKey();
            if (k.relation() == relation && k.fork() == fork) {
                for (long l : e.getValue().lsns) {
                    if (l > from.value() && l <= to.value()) {
                        changed.set(k.block());
                        break;
                    }
                }
            }
        }
        return changed;
    }

    private void check(TimelineId tl) {
        if (!timeline.equals(tl)) {
            throw StorageException.of(StorageException.Reason.NOT_FOUND, "timeline %s not found", tl);
        }
    }

    private void checkRead(TimelineId tl, Lsn lsn) {
        check(tl);
        if (lsn.value() > insertLsn) {
            throw StorageException.of(StorageException.Reason.INVALID_REQUEST,
                    "requested LSN %s is beyond the last record %s", lsn, Lsn.of(insertLsn));
        }
    }
}
