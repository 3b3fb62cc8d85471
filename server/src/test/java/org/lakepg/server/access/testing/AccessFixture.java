package org.lakepg.server.access.testing;

import org.lakepg.server.access.AccessContext;
import org.lakepg.server.access.buffer.BufferCache;
import org.lakepg.server.access.wal.PageWriter;
import org.lakepg.server.txn.TransactionManager;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageService;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalService;

/** A compute's access layer over a store: buffer cache, page writer, transactions. {@link #restart} = new compute. */
public final class AccessFixture {

    public final WalService wal;
    public final PageService pages;
    public final TimelineId timeline;
    public final int cachePages;
    public final AccessContext ctx;

    public AccessFixture(WalService wal, PageService pages, TimelineId timeline, int cachePages) {
        this(wal, pages, timeline, cachePages, wal.insertLsn(timeline));
    }

    /** A compute that reads everything as of {@code lsn} (a read-only, time-travelling compute if lsn is old). */
    public AccessFixture(WalService wal, PageService pages, TimelineId timeline, int cachePages, Lsn lsn) {
        this.wal = wal;
        this.pages = pages;
        this.timeline = timeline;
        this.cachePages = cachePages;
        BufferCache cache = new BufferCache(pages, timeline, cachePages, lsn);
        PageWriter writer = new PageWriter(wal, timeline);
        this.ctx = AccessContext.of(new TransactionManager(cache, writer));
    }

    public static AccessFixture inMemory(int cachePages) {
        InMemoryStorage storage = new InMemoryStorage();
        return new AccessFixture(storage, storage, storage.timeline(), cachePages);
    }

    /** A fresh compute over the same storage, as after the old one was killed. */
    public AccessFixture restart() {
        return new AccessFixture(wal, pages, timeline, cachePages);
    }

    public TransactionManager txns() {
        return ctx.txns();
    }
}
