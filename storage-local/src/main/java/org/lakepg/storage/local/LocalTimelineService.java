package org.lakepg.storage.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.TimelineService;
import org.lakepg.storage.TransactionMarker;
import org.lakepg.storage.local.timeline.TimelineStore;

/** {@link TimelineService} over the timeline registry. */
final class LocalTimelineService implements TimelineService {

    private final LocalStorage storage;

    LocalTimelineService(LocalStorage storage) {
        this.storage = storage;
    }

    @Override
    public Timeline createTimeline(String name) {
        return storage.registry().create(name);
    }

    @Override
    public Timeline branch(TimelineId parent, Lsn at, String name) {
        return storage.registry().branch(parent, at, name);
    }

    @Override
    public Optional<Timeline> get(TimelineId id) {
        return storage.registry().find(id).map(TimelineStore::meta);
    }

    @Override
    public Optional<Timeline> byName(String name) {
        return storage.registry().byName(name).map(TimelineStore::meta);
    }

    @Override
    public List<Timeline> list() {
        return storage.registry().all().stream().map(TimelineStore::meta).toList();
    }

    @Override
    public void delete(TimelineId id) {
        storage.registry().delete(id);
    }

    @Override
    public void setRetention(Duration retention) {
        storage.setRetention(retention);
    }

    @Override
    public Duration retention() {
        return storage.retention();
    }

    @Override
    public Lsn lsnAt(TimelineId timeline, Instant time) {
        TimelineStore t = storage.timeline(timeline);
        return Lsn.of(t.lsnAt(TransactionMarker.toMicros(time), t.appliedLsn()));
    }
}
