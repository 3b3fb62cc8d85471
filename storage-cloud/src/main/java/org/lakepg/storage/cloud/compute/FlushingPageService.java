package org.lakepg.storage.cloud.compute;

import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PageService;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.cloud.metrics.LatencyHistogram;
import org.lakepg.storage.cloud.metrics.Metrics;
import org.lakepg.storage.cloud.rpc.PageserverClient;

/**
 * Pages from the pageserver, with this compute's own unshipped WAL flushed to the safekeepers before a read that
 * needs it: the storage contract says an appended record is visible to reads at once, and the pageserver can only
 * see what the safekeepers committed.
 */
final class FlushingPageService implements PageService {

    private final PageserverClient pageserver;
    private final ComputeWal wal;
    private final LatencyHistogram pageReads;
    private final LatencyHistogram relationReads;
    private final LongAdder pagesRead;

    FlushingPageService(PageserverClient pageserver, ComputeWal wal, Metrics metrics) {
        this.pageserver = pageserver;
        this.wal = wal;
        this.pageReads = metrics.histogram("pageserver_get_page");
        this.relationReads = metrics.histogram("pageserver_relation");
        this.pagesRead = metrics.counter("pageserver_pages_read");
    }

    @Override
    public byte[] getPage(TimelineId timeline, PageKey key, Lsn lsn) {
        wal.makeReadable(timeline, lsn);
        long start = System.nanoTime();
        byte[] page = pageserver.getPage(timeline, key, lsn);
        pageReads.recordSince(start);
        pagesRead.increment();
        return page;
    }

    @Override
    public List<byte[]> getPages(TimelineId timeline, List<PageKey> keys, Lsn lsn) {
        wal.makeReadable(timeline, lsn);
        long start = System.nanoTime();
        List<byte[]> read = pageserver.getPages(timeline, keys, lsn);
        pageReads.recordSince(start);
        pagesRead.add(keys.size());
        return read;
    }

    @Override
    public int relationSize(TimelineId timeline, int relation, ForkNumber fork, Lsn lsn) {
        wal.makeReadable(timeline, lsn);
        long start = System.nanoTime();
        int size = pageserver.relationSize(timeline, relation, fork, lsn);
        relationReads.recordSince(start);
        return size;
    }

    @Override
    public boolean relationExists(TimelineId timeline, int relation, ForkNumber fork, Lsn lsn) {
        wal.makeReadable(timeline, lsn);
        long start = System.nanoTime();
        boolean exists = pageserver.relationExists(timeline, relation, fork, lsn);
        relationReads.recordSince(start);
        return exists;
    }

    @Override
    public BitSet changedPages(TimelineId timeline, int relation, ForkNumber fork, Lsn from, Lsn to) {
        wal.makeReadable(timeline, to);
        long start = System.nanoTime();
        BitSet changed = pageserver.changedPages(timeline, relation, fork, from, to);
        relationReads.recordSince(start);
        return changed;
    }
}
