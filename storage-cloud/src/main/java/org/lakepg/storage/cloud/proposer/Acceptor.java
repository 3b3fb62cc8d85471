package org.lakepg.storage.cloud.proposer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.cloud.metrics.LatencyHistogram;
import org.lakepg.storage.cloud.metrics.Metrics;
import org.lakepg.storage.cloud.safekeeper.DroppedTimelines;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply.Why;

/**
 * A safekeeper's timelines in the proposer protocol, each in {@code dataDir/<timeline id>} (control file + WAL
 * segments). {@link #write} must be called by one thread at a time; {@link #query} from any.
 */
public final class Acceptor implements AutoCloseable {

    private final Path dataDir;
    private final long segmentSize;
    private final Map<TimelineId, AcceptorTimeline> timelines = new ConcurrentHashMap<>();
    private final Metrics metrics = new Metrics();
    /** An append from its arrival on the write thread until it is fsynced (scripts/cluster-metrics reads it). */
    private final LatencyHistogram appends = metrics.histogram("append_fsync");
    /** WAL fsyncs for appends: fewer than appends when several shared one (group fsync). */
    private final LongAdder fsyncs = metrics.counter("append_fsyncs");

    /** Timelines with appends written but not forced yet, and when each of those appends arrived (write thread). */
    private final List<AcceptorTimeline> unsynced = new ArrayList<>();
    private final List<Long> unsyncedSince = new ArrayList<>();

    public Acceptor(Path dataDir, long segmentSize) {
        this.dataDir = dataDir;
        this.segmentSize = segmentSize;
        DroppedTimelines.removeLeftovers(dataDir);
    }

    /** Whether the request changes state (it then runs on the single write thread, in arrival order). */
    public static boolean isWrite(AcceptorRequest request) {
        return !(request instanceof AcceptorRequest.Status || request instanceof AcceptorRequest.Read);
    }

    /** Votes, elections, appends, trims and deletes; an append is forced before this returns. */
    public AcceptorReply write(AcceptorRequest request) {
        syncAppends(); // appends written before stay ordered before this request's effects on disk
        if (request instanceof AcceptorRequest.Delete delete) {
            return delete(delete.timeline());
        }
        if (request instanceof AcceptorRequest.Vote vote) {
            AcceptorTimeline timeline = timelines.computeIfAbsent(vote.timeline(),
                    id -> AcceptorTimeline.open(id, dir(id), vote.startLsn(), segmentSize));
            return timeline.vote(vote);
        }
        AcceptorTimeline timeline = existing(request.timeline());
        if (timeline == null) {
            return unknown(request.timeline());
        }
        return switch (request) {
            case AcceptorRequest.Elected e -> timeline.elected(e);
            case AcceptorRequest.Append a -> {
                AcceptorReply reply = writeUnsynced(a);
                syncAppends();
                yield reply;
            }
            case AcceptorRequest.Trim t -> timeline.trim(t);
            case AcceptorRequest.Restart r -> timeline.restart(r);
            default -> query(request);
        };
    }

    /**
     * Writes an append without forcing it; the caller answers it only after {@link #syncAppends}. Appends that
     * arrive together (the proposer keeps several in flight per member) so share one fsync.
     */
    public AcceptorReply writeUnsynced(AcceptorRequest.Append append) {
        AcceptorTimeline timeline = existing(append.timeline());
        if (timeline == null) {
            return unknown(append.timeline());
        }
        if (!append.payloads().isEmpty()) {
            unsyncedSince.add(System.nanoTime());
        }
        if (!unsynced.contains(timeline)) {
            unsynced.add(timeline);
        }
        return timeline.appendUnsynced(append);
    }

    /** Forces every append {@link #writeUnsynced} wrote since the last call. */
    public void syncAppends() {
        if (unsynced.isEmpty()) {
            return;
        }
        try {
            for (AcceptorTimeline timeline : unsynced) {
                if (timeline.syncAppends()) {
                    fsyncs.increment();
                }
            }
            unsyncedSince.forEach(appends::recordSince);
        } finally {
            unsynced.clear(); // after a failure each timeline still knows it is unsynced, the next sync retries
            unsyncedSince.clear();
        }
    }

    /** Status and reads. */
    public AcceptorReply query(AcceptorRequest request) {
        AcceptorTimeline timeline = existing(request.timeline());
        if (timeline == null) {
            return unknown(request.timeline());
        }
        return switch (request) {
            case AcceptorRequest.Status s -> timeline.state(false);
            case AcceptorRequest.Read r -> timeline.read(r);
            default -> throw new IllegalArgumentException(request + " changes state");
        };
    }

    public Metrics metrics() {
        return metrics;
    }

    /** This member's state of a timeline, or null if it has none. */
    public AcceptorReply.State state(TimelineId id) {
        AcceptorTimeline timeline = existing(id);
        return timeline == null ? null : timeline.state(false);
    }

    /** Removes a dropped timeline's control file and WAL. */
    private AcceptorReply delete(TimelineId id) {
        AcceptorTimeline timeline = existing(id);
        if (timeline == null) {
            return unknown(id);
        }
        AcceptorReply last = timeline.state(false);
        timelines.remove(id);
        timeline.close();
        DroppedTimelines.remove(dataDir, id);
        return last;
    }

    private AcceptorTimeline existing(TimelineId id) {
        AcceptorTimeline open = timelines.get(id);
        if (open != null || !Files.exists(dir(id).resolve(AcceptorControl.FILE))) {
            return open;
        }
        return timelines.computeIfAbsent(id, t -> AcceptorTimeline.open(t, dir(t), 0, segmentSize));
    }

    private Path dir(TimelineId id) {
        return dataDir.resolve(id.toString());
    }

    private static AcceptorReply unknown(TimelineId id) {
        return new AcceptorReply.Rejected(Why.NOT_FOUND, "safekeeper has no timeline " + id);
    }

    @Override
    public synchronized void close() {
        timelines.values().forEach(AcceptorTimeline::close);
        timelines.clear();
    }
}
