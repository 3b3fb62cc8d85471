package org.lakepg.storage.cloud.compute;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.TimelineService;
import org.lakepg.storage.cloud.rpc.PageserverClient;

/**
 * Timelines of the cloud store. The pageserver's list is the truth for names and ancestry; a new timeline or
 * branch is first taken on the safekeepers (its WAL starts there, at its branch LSN) and then attached to the
 * pageserver under the same id, which starts ingesting it; a deleted one is removed from the pageserver (and S3),
 * then from the safekeepers.
 */
final class CloudTimelines implements TimelineService {

    private final PageserverClient pageserver;
    private final ComputeWal wal;

    CloudTimelines(PageserverClient pageserver, ComputeWal wal) {
        this.pageserver = pageserver;
        this.wal = wal;
    }

    @Override
    public Timeline createTimeline(String name) {
        refuseOnReplica("create timeline \"" + name + "\"");
        refuseDuplicate(name);
        TimelineId id = TimelineId.random();
        wal.take(id, Lsn.INVALID);
        return pageserver.createTimeline(id, name);
    }

    @Override
    public Timeline branch(TimelineId parent, Lsn at, String name) {
        refuseOnReplica("create branch \"" + name + "\"");
        refuseDuplicate(name);
        if (get(parent).isEmpty()) {
            throw StorageException.of(StorageException.Reason.NOT_FOUND, "timeline %s does not exist", parent);
        }
        Lsn latest = wal.insertLsn(parent);
        Lsn point = at == null ? latest : at;
        if (point.isAfter(latest)) {
            throw StorageException.of(StorageException.Reason.INVALID_REQUEST,
                    "branch point %s is beyond the end of timeline %s (%s)", point, parent, latest);
        }
        try {
            wal.flush(parent, point).join(); // the branch's history must be committed before anyone reads it
        } catch (CompletionException e) {
            throw e.getCause() instanceof StorageException s ? s : e;
        }
        TimelineId id = TimelineId.random();
        wal.take(id, point);
        return pageserver.branch(parent, point, id, name);
    }

    /** A replica changes nothing in storage: the pageserver's timelines and settings belong to the primaries. */
    private void refuseOnReplica(String what) {
        if (wal.readOnly()) {
            throw ComputeWal.refusedOnReplica(what);
        }
    }

    private void refuseDuplicate(String name) {
        if (name == null || name.isBlank()) {
            throw StorageException.of(StorageException.Reason.INVALID_REQUEST, "timeline name must not be empty");
        }
        if (byName(name).isPresent()) {
            throw StorageException.of(StorageException.Reason.ALREADY_EXISTS, "timeline \"%s\" already exists", name);
        }
    }

    @Override
    public Optional<Timeline> get(TimelineId id) {
        return pageserver.get(id);
    }

    @Override
    public Optional<Timeline> byName(String name) {
        return pageserver.byName(name);
    }

    @Override
    public List<Timeline> list() {
        return pageserver.list();
    }

    @Override
    public void delete(TimelineId id) {
        refuseOnReplica("delete timeline " + id);
        pageserver.delete(id); // first: the pageserver stops reading the timeline's WAL
        wal.delete(id);
    }

    @Override
    public void setRetention(Duration retention) {
        refuseOnReplica("set the retention");
        pageserver.setRetention(retention);
    }

    @Override
    public Duration retention() {
        return pageserver.retention();
    }

    @Override
    public Lsn lsnAt(TimelineId timeline, Instant time) {
        wal.makeAllReadable(timeline); // the pageserver searches the commits the safekeepers have
        return pageserver.lsnAt(timeline, time);
    }
}
