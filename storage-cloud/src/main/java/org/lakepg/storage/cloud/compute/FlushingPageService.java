package org.lakepg.storage.cloud.compute;

import java.util.BitSet;
import java.util.List;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PageService;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.cloud.rpc.PageserverClient;

/**
 * Pages from the pageserver, with this compute's own unshipped WAL flushed to the safekeepers before a read that
 * needs it: the storage contract says an appended record is visible to reads at once, and the pageserver can only
 * see what the safekeepers committed.
 */
final class FlushingPageService implements PageService {

    private final PageserverClient pageserver;
    private final ComputeWal wal;

    FlushingPageService(PageserverClient pageserver, ComputeWal wal) {
        this.pageserver = pageserver;
        this.wal = wal;
    }

    @Override
    public byte[] getPage(TimelineId timeline, PageKey key, Lsn lsn) {
        wal.makeReadable(timeline, lsn);
        return pageserver.getPage(timeline, key, lsn);
    }

    @Override
    public List<byte[]> getPages(TimelineId timeline, List<PageKey> keys, Lsn lsn) {
        wal.makeReadable(timeline, lsn);
        return pageserver.getPages(timeline, keys, lsn);
    }

    @Override
    public int relationSize(TimelineId timeline, int relation, ForkNumber fork, Lsn lsn) {
        wal.makeReadable(timeline, lsn);
        return pageserver.relationSize(timeline, relation, fork, lsn);
    }

    @Override
    public boolean relationExists(TimelineId timeline, int relation, ForkNumber fork, Lsn lsn) {
        wal.makeReadable(timeline, lsn);
        return pageserver.relationExists(timeline, relation, fork, lsn);
    }

    @Override
    public BitSet changedPages(TimelineId timeline, int relation, ForkNumber fork, Lsn from, Lsn to) {
        wal.makeReadable(timeline, to);
        return pageserver.changedPages(timeline, relation, fork, from, to);
    }
}
