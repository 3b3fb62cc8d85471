package org.lakepg.server.access.buffer;

import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;

/**
 * A page pinned in the buffer cache (it cannot be evicted until closed), optionally latched shared or exclusive.
 * The bytes may only be read under a latch and changed under the exclusive latch, through
 * {@link org.lakepg.server.access.wal.PageWriter} so that every change is logged. Owned by one thread.
 */
public final class PinnedPage implements AutoCloseable {

    private enum Latch { NONE, SHARED, EXCLUSIVE }

    private final BufferCache cache;
    private final BufferFrame frame;
    private final PageKey key;
    private Latch latch = Latch.NONE;
    private boolean closed;

    PinnedPage(BufferCache cache, BufferFrame frame, PageKey key) {
        this.cache = cache;
        this.frame = frame;
        this.key = key;
    }

    /** A pinned page whose frame's exclusive latch the calling thread already holds. */
    static PinnedPage alreadyExclusive(BufferCache cache, BufferFrame frame, PageKey key) {
        PinnedPage page = new PinnedPage(cache, frame, key);
        page.latch = Latch.EXCLUSIVE;
        return page;
    }

    public PageKey key() {
        return key;
    }

    public int block() {
        return key.block();
    }

    /** The page's bytes; valid only while a latch is held. */
    public byte[] data() {
        if (latch == Latch.NONE) {
            throw new IllegalStateException("page " + key + " read without a latch");
        }
        return frame.data;
    }

    public PinnedPage shared() {
        unlatch();
        frame.latch.lockShared();
        latch = Latch.SHARED;
        return this;
    }

    public PinnedPage exclusive() {
        unlatch();
        frame.latch.lockExclusive();
        latch = Latch.EXCLUSIVE;
        return this;
    }

    public boolean isExclusive() {
        return latch == Latch.EXCLUSIVE;
    }

    public PinnedPage unlatch() {
        switch (latch) {
            case SHARED -> frame.latch.unlockShared();
            case EXCLUSIVE -> frame.latch.unlockExclusive();
            case NONE -> { }
        }
        latch = Latch.NONE;
        return this;
    }

    /** Records that a logged change at {@code lsn} was applied to this page (called by the page writer). */
    public void stampWritten(Lsn lsn) {
        if (latch != Latch.EXCLUSIVE) {
            throw new IllegalStateException("page " + key + " changed without the exclusive latch");
        }
        frame.lastWritten = lsn;
        cache.noteWritten(lsn);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        unlatch();
        frame.unpin();
    }
}
