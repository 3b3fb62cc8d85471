package org.lakepg.server.access.buffer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PageService;
import org.lakepg.storage.TimelineId;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * The compute's page cache: up to shared_buffers 8 KiB frames, pinned while in use, latched shared or exclusive,
 * replaced by a clock sweep once all are in use. Frames are allocated on first need (and freed ones reused from a
 * free list), so a large pool costs no memory until the data fills it. The compute never writes pages back: a miss
 * reads the page from the {@link PageService} at the LSN of this compute's last change of it, so the read never
 * waits for WAL it does not need and never sees a version older than its own changes.
 */
public final class BufferCache {

    private final PageService pages;
    private final TimelineId timeline;
    /** Allocated frames fill the front; the slots past {@link #allocated} are still null. */
    private final BufferFrame[] frames;
    /** Frames whose page was dropped: reused before the clock sweep evicts a live page. */
    private final java.util.ArrayDeque<BufferFrame> free = new java.util.ArrayDeque<>();
    private volatile int allocated;
    private final ConcurrentHashMap<PageKey, BufferFrame> table = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<RelationFork, AtomicInteger> sizes = new ConcurrentHashMap<>();
    private final LastWrittenLsnCache lastWritten;
    private final Object replacement = new Object();
    private final AtomicLong latestWritten;
    private int clockHand;
    private final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder misses = new java.util.concurrent.atomic.LongAdder();

    private record RelationFork(int relation, ForkNumber fork) {
    }

    /** Counters for tests and monitoring. */
    public record Stats(long hits, long misses, int capacity) {
    }

    /**
     * @param startLsn the LSN everything this compute did not change itself is read at: the timeline's insert LSN
     *                 when the compute starts (or a fixed LSN for a read-only time-travel compute)
     */
    public BufferCache(PageService pages, TimelineId timeline, int capacityPages, Lsn startLsn) {
        if (capacityPages < 16) {
            throw new IllegalArgumentException("a buffer cache needs at least 16 pages, not " + capacityPages);
        }
        this.pages = pages;
        this.timeline = timeline;
        this.frames = new BufferFrame[capacityPages];
        this.lastWritten = new LastWrittenLsnCache(Math.max(1024, capacityPages * 4), startLsn);
        this.latestWritten = new AtomicLong(startLsn.value());
    }

    public TimelineId timeline() {
        return timeline;
    }

    public int capacity() {
        return frames.length;
    }

    /** Frames allocated so far (at most {@link #capacity}). */
    public int allocatedFrames() {
        return allocated;
    }

    public Stats stats() {
        return new Stats(hits.sum(), misses.sum(), frames.length);
    }

    /** Pins the page (reading it from storage on a miss) without latching it. */
    public PinnedPage pin(PageKey key) {
        while (true) {
            BufferFrame frame = table.get(key);
            if (frame != null) {
                PinnedPage pinned = tryUse(frame, key);
                if (pinned != null) {
                    hits.increment();
                    return pinned;
                }
                Thread.onSpinWait();
                continue;
            }
            BufferFrame loading;
            synchronized (replacement) {
                if (table.containsKey(key)) {
                    continue;
                }
                loading = claimVictim(key);
                loading.latch.lockExclusive();
                loading.valid = false;
                loading.pins.set(1);
                table.put(key, loading);
            }
            misses.increment();
            try {
                byte[] image = pages.getPage(timeline, key, lastWritten.lsnFor(key));
                System.arraycopy(image, 0, loading.data, 0, loading.data.length);
                loading.valid = true;
            } catch (RuntimeException e) {
                release(loading, key);
                loading.latch.unlockExclusive();
                loading.unpin();
                throw e;
            }
            loading.latch.unlockExclusive();
            return new PinnedPage(this, loading, key);
        }
    }

    public PinnedPage pinShared(PageKey key) {
        return pin(key).shared();
    }

    public PinnedPage pinExclusive(PageKey key) {
        return pin(key).exclusive();
    }

    /**
     * Adds a block at the end of the relation fork and returns it pinned and exclusively latched as an all-zero
     * page. The block exists in storage once the caller logs its first change.
     *
     * <p>The new size is published together with the frame, already latched: a thread that learns the block from
     * {@link #relationSize} (an insert trying the last page, a scan) finds that frame and waits for the latch. Had
     * the block number been visible first, such a thread could read the block (zeros), write it and see it evicted
     * before the frame was set up here — and the zero-filled frame would then silently replace its write.
     */
    public PinnedPage extend(int relation, ForkNumber fork) {
        AtomicInteger size = size(relation, fork);
        PageKey key;
        synchronized (replacement) {
            key = new PageKey(relation, fork, size.get());
            if (!table.containsKey(key)) {
                BufferFrame frame = claimVictim(key);
                java.util.Arrays.fill(frame.data, (byte) 0);
                frame.valid = true;
                frame.pins.set(1);
                frame.latch.lockExclusive(); // free: the frame had no pins, so no latch holders
                table.put(key, frame);
                size.incrementAndGet();
                return PinnedPage.alreadyExclusive(this, frame, key);
            }
            size.incrementAndGet(); // someone read past the end already: that frame holds the (empty) block
        }
        return pin(key).exclusive();
    }

    /** Blocks in the relation fork, counting blocks this compute added and has not logged yet. */
    public int relationSize(int relation, ForkNumber fork) {
        return size(relation, fork).get();
    }

    /** The relation was created (size 0) by this compute. */
    public void relationCreated(int relation, ForkNumber fork) {
        sizes.put(new RelationFork(relation, fork), new AtomicInteger());
    }

    /**
     * Forgets every cached page and size of the relation (after it was dropped or truncated at {@code lsn}). Its
     * pages must not be pinned.
     */
    public void forgetRelation(int relation, Lsn lsn) {
        synchronized (replacement) {
            for (int i = 0; i < allocated; i++) {
                BufferFrame frame = frames[i];
                PageKey key = frame.key;
                if (key != null && key.relation() == relation) {
                    if (!frame.pins.compareAndSet(0, BufferFrame.REPLACING)) {
                        throw new IllegalStateException("page " + key + " is pinned while its relation is dropped");
                    }
                    table.remove(key, frame);
                    frame.key = null;
                    frame.valid = false;
                    frame.lastWritten = null;
                    frame.pins.set(0);
                    free.add(frame);
                }
            }
            sizes.keySet().removeIf(rf -> rf.relation == relation);
            lastWritten.raiseFallback(lsn);
        }
    }

    /** The LSN a read of this page must use: this compute's last change of it, or the conservative fallback. */
    public Lsn readLsn(PageKey key) {
        BufferFrame frame = table.get(key);
        if (frame != null) {
            Lsn lsn = frame.lastWritten;
            if (lsn != null && key.equals(frame.key)) {
                return lsn;
            }
        }
        return lastWritten.lsnFor(key);
    }

    /** The newest LSN this compute has written (or started at). */
    public Lsn latestLsn() {
        return Lsn.of(latestWritten.get());
    }

    void noteWritten(Lsn lsn) {
        latestWritten.accumulateAndGet(lsn.value(), Math::max);
    }

    private AtomicInteger size(int relation, ForkNumber fork) {
        return sizes.computeIfAbsent(new RelationFork(relation, fork),
                rf -> new AtomicInteger(pages.relationSize(timeline, relation, fork, latestLsn())));
    }

    private PinnedPage tryUse(BufferFrame frame, PageKey key) {
        if (!frame.tryPin()) {
            return null;
        }
        if (!key.equals(frame.key)) {
            frame.unpin();
            return null;
        }
        if (!frame.valid) {
            // another thread is reading it: its exclusive latch is released when the read is over
            frame.latch.lockShared();
            frame.latch.unlockShared();
            if (!frame.valid || !key.equals(frame.key)) {
                frame.unpin();
                return null;
            }
        }
        if (frame.usage < 5) {
            frame.usage++;
        }
        return new PinnedPage(this, frame, key);
    }

    /** Clock sweep, under the replacement lock: returns a free frame marked REPLACING and unmapped. */
    private BufferFrame claimVictim(PageKey forKey) {
        BufferFrame unused = unusedFrame();
        if (unused != null) {
            unused.key = forKey;
            unused.lastWritten = null;
            unused.usage = 1;
            return unused;
        }
        int steps = frames.length * 7;
        for (int i = 0; i < steps; i++) {
            BufferFrame frame = frames[clockHand];
            clockHand = (clockHand + 1) % frames.length;
            if (frame.pins.get() != 0) {
                continue;
            }
            if (frame.usage > 0 && frame.key != null) {
                frame.usage--;
                continue;
            }
            if (frame.pins.compareAndSet(0, BufferFrame.REPLACING)) {
                PageKey old = frame.key;
                if (old != null) {
                    table.remove(old, frame);
                    Lsn written = frame.lastWritten;
                    if (written != null) {
                        lastWritten.remember(old, written);
                    }
                }
                frame.key = forKey;
                frame.lastWritten = null;
                frame.usage = 1;
                return frame;
            }
        }
        throw PgException.of(SqlState.INTERNAL_ERROR, "no unpinned buffers available");
    }

    /** A freed or never-used frame marked REPLACING, or null when every frame holds a page. */
    private BufferFrame unusedFrame() {
        BufferFrame frame;
        while ((frame = free.poll()) != null) {
            // a reader that looked the old page up may hold a brief pin: the sweep finds the frame later then
            if (frame.key == null && frame.pins.compareAndSet(0, BufferFrame.REPLACING)) {
                return frame;
            }
        }
        if (allocated < frames.length) {
            frame = new BufferFrame();
            frame.pins.set(BufferFrame.REPLACING);
            frames[allocated] = frame;
            allocated++; // published after the slot: the sweep and forgetRelation only run under the same lock
            return frame;
        }
        return null;
    }

    private void release(BufferFrame frame, PageKey key) {
        synchronized (replacement) {
            table.remove(key, frame);
            frame.key = null;
            frame.valid = false;
            free.add(frame);
        }
    }
}
