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
}
