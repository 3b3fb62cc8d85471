package org.lakepg.server.txn;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.lakepg.server.access.buffer.BufferCache;
import org.lakepg.server.access.buffer.PinnedPage;
import org.lakepg.server.access.wal.PageWriter;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.TransactionMarker;

/**
 * Commit status of every xid, two bits each, in pages of {@link ReservedRelations#COMMIT_LOG} (PostgreSQL's pg_xact).
 * A status change is logged in the same WAL record as the transaction's commit/abort marker, so the status and the
 * marker are one atomic fact, versioned with everything else.
 */
public final class CommitLog {

    static final int XIDS_PER_BYTE = 4;
    static final int XIDS_PER_PAGE = org.lakepg.storage.Page.SIZE * XIDS_PER_BYTE;

    private final BufferCache cache;
    private final PageWriter writer;

    public CommitLog(BufferCache cache, PageWriter writer) {
        this.cache = cache;
        this.writer = writer;
    }

    public XidStatus status(long xid) {
        if (!Xids.isNormal(xid)) {
            return xid == Xids.INVALID ? XidStatus.ABORTED : XidStatus.COMMITTED;
        }
        try (PinnedPage page = cache.pinShared(pageOf(xid))) {
            int b = page.data()[byteOf(xid)];
            return XidStatus.ofBits((b >>> shiftOf(xid)) & 3);
        }
    }

    /** Sets the status of all {@code xids} and logs it with {@code marker} as one record; returns its LSN. */
    public Lsn setStatus(List<Long> xids, XidStatus status, TransactionMarker marker) {
        TreeMap<Integer, List<Long>> byBlock = new TreeMap<>();
        for (long xid : xids) {
            byBlock.computeIfAbsent((int) (xid / XIDS_PER_PAGE), b -> new ArrayList<>()).add(xid);
        }
        List<PinnedPage> pinned = new ArrayList<>();
        try (var change = writer.begin()) {
            // pages latched in block order, so concurrent commits never deadlock on them
            for (var entry : byBlock.entrySet()) {
                PinnedPage page = cache.pinExclusive(PageKey.main(ReservedRelations.COMMIT_LOG, entry.getKey()));
                pinned.add(page);
                change.track(page);
                byte[] data = page.data();
                for (long xid : entry.getValue()) {
                    int at = byteOf(xid);
                    int shift = shiftOf(xid);
                    data[at] = (byte) ((data[at] & ~(3 << shift)) | (status.bits() << shift));
                }
            }
            return change.commit(marker);
        } finally {
            for (PinnedPage page : pinned) {
                page.close();
            }
        }
    }

    private static PageKey pageOf(long xid) {
        return PageKey.main(ReservedRelations.COMMIT_LOG, (int) (xid / XIDS_PER_PAGE));
    }

    private static int byteOf(long xid) {
        return (int) (xid % XIDS_PER_PAGE) / XIDS_PER_BYTE;
    }

    private static int shiftOf(long xid) {
        return (int) (xid % XIDS_PER_BYTE) * 2;
    }
}
