package org.lakepg.server.access;

import org.lakepg.server.access.buffer.BufferCache;
import org.lakepg.server.access.heap.Visibility;
import org.lakepg.server.access.wal.PageWriter;
import org.lakepg.server.txn.TransactionManager;

/** What every access method works with: the buffer cache, the page writer and the transaction manager. */
public record AccessContext(BufferCache cache, PageWriter writer, TransactionManager txns, Visibility visibility) {

    public static AccessContext of(TransactionManager txns) {
        return new AccessContext(txns.bufferCache(), txns.pageWriter(), txns, new Visibility(txns));
    }

    /**
     * Starts a compute's access layer on a timeline: a buffer cache of {@code sharedBuffers} pages reading at the
     * timeline's current end, the page writer and the transaction manager (which continues above every xid a
     * previous compute may have used).
     */
    public static AccessContext open(org.lakepg.storage.WalService wal, org.lakepg.storage.PageService pages,
                                     org.lakepg.storage.TimelineId timeline, int sharedBuffers) {
        BufferCache cache = new BufferCache(pages, timeline, sharedBuffers, wal.insertLsn(timeline));
        return of(new TransactionManager(cache, new PageWriter(wal, timeline)));
    }
}
