package org.lakepg.storage.local;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalReader;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.WalService;
import org.lakepg.storage.local.timeline.TimelineStore;

/** {@link WalService} over the timelines' segmented WALs and the group-commit flusher. */
final class LocalWalService implements WalService {

    private final LocalStorage storage;

    LocalWalService(LocalStorage storage) {
        this.storage = storage;
    }

    @Override
    public Lsn append(TimelineId timeline, WalRecord record) {
        return appendAll(timeline, List.of(record)).get(0);
    }

    @Override
    public List<Lsn> appendAll(TimelineId timeline, List<WalRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        TimelineStore t = storage.timeline(timeline);
        long[] lsns = t.append(records);
        storage.afterAppend(t);
        return Arrays.stream(lsns).mapToObj(Lsn::of).toList();
    }

    /** When no fsync of the WAL is running, the calling thread does it and gets a completed future (see GroupCommitFlusher). */
    @Override
    public CompletableFuture<Lsn> flush(TimelineId timeline, Lsn upTo) {
        return storage.flusher().flush(storage.timeline(timeline).wal(), upTo.value());
    }

    @Override
    public Lsn durableLsn(TimelineId timeline) {
        return Lsn.of(storage.timeline(timeline).wal().durableLsn());
    }

    @Override
    public Lsn insertLsn(TimelineId timeline) {
        return Lsn.of(storage.timeline(timeline).appliedLsn());
    }

    @Override
    public WalReader read(TimelineId timeline, Lsn from) {
        return storage.timeline(timeline).wal().read(from.value());
    }
}
