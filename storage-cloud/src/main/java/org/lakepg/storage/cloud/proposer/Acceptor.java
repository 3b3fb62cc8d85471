package org.lakepg.storage.cloud.proposer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    public Acceptor(Path dataDir, long segmentSize) {
        this.dataDir = dataDir;
        this.segmentSize = segmentSize;
        DroppedTimelines.removeLeftovers(dataDir);
    }

    /** Whether the request changes state (it then runs on the single write thread, in arrival order). */
    public static boolean isWrite(AcceptorRequest request) {
        return !(request instanceof AcceptorRequest.Status || request instanceof AcceptorRequest.Read);
    }

    /** Votes, elections, appends, trims and deletes. */
    public AcceptorReply write(AcceptorRequest request) {
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
                long start = System.nanoTime();
                AcceptorReply reply = timeline.append(a);
                if (!a.payloads().isEmpty()) {
                    appends.recordSince(start);
                }
                yield reply;
            }
            case AcceptorRequest.Trim t -> timeline.trim(t);
            case AcceptorRequest.Restart r -> timeline.restart(r);
            default -> query(request);
        };
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
