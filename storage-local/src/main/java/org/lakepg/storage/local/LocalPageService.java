package org.lakepg.storage.local;

import java.util.BitSet;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PageService;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.local.timeline.TimelineStore;

/** {@link PageService} over the layered page store. */
final class LocalPageService implements PageService {

    private final LocalStorage storage;

    LocalPageService(LocalStorage storage) {
        this.storage = storage;
    }

    @Override
    public byte[] getPage(TimelineId timeline, PageKey key, Lsn lsn) {
        return storage.pageReconstructor().getPage(storage.timeline(timeline), key, lsn.value());
    }

    @Override
    public int relationSize(TimelineId timeline, int relation, ForkNumber fork, Lsn lsn) {
        TimelineStore t = storage.timeline(timeline);
        t.checkReadable(lsn.value());
        return Math.max(0, t.sizeAt(relation, fork, lsn.value()));
    }

    @Override
    public boolean relationExists(TimelineId timeline, int relation, ForkNumber fork, Lsn lsn) {
        TimelineStore t = storage.timeline(timeline);
        t.checkReadable(lsn.value());
        return t.sizeAt(relation, fork, lsn.value()) >= 0;
    }

    @Override
    public BitSet changedPages(TimelineId timeline, int relation, ForkNumber fork, Lsn from, Lsn to) {
        return storage.pageReconstructor().changedPages(storage.timeline(timeline), relation, fork, from.value(), to.value());
    }
}
