package org.lakepg.storage.cloud.safekeeper;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ratis.io.MD5Hash;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.apache.ratis.util.MD5FileUtil;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply.Rejected;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply.Why;
import org.lakepg.storage.cloud.safekeeper.TimelineLog.TimelineState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safekeeper's Raft state machine: committed entries (acquire, append, trim) are applied in log order to the
 * timelines' segment files; queries (read, status) are answered from them.
 *
 * <p>Source of truth: the Raft log makes an append durable — Ratis fsyncs it on a majority before the entry is
 * committed and the compute's flush completes. The segment files are the long-term copy that reads are served
 * from; a snapshot fsyncs them and records where they end, after which Ratis may purge its log up to that index
 * (it keeps entries a lagging member still needs). So each record is held twice only between two snapshots.
 */
public final class SafekeeperStateMachine extends BaseStateMachine {

    private static final Logger LOG = LoggerFactory.getLogger(SafekeeperStateMachine.class);

    private final Path walRoot;
    private final long segmentSize;
    private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();
    private final Map<TimelineId, TimelineLog> timelines = new ConcurrentHashMap<>();

    public SafekeeperStateMachine(Path walRoot, long segmentSize) {
        this.walRoot = walRoot;
        this.segmentSize = segmentSize;
    }

    @Override
    public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage) throws IOException {
        super.initialize(server, groupId, raftStorage);
        storage.init(raftStorage);
        Files.createDirectories(walRoot);
        load();
    }

    @Override
    public void reinitialize() throws IOException {
        closeTimelines();
        load();
    }

    private void load() throws IOException {
        SingleFileSnapshotInfo snapshot = storage.loadLatestSnapshot();
        if (snapshot == null) {
            return;
        }
        for (TimelineState state : SnapshotFile.read(snapshot.getFile().getPath())) {
            timelines.put(state.id(), TimelineLog.open(walRoot.resolve(state.id().toString()), state, segmentSize));
        }
        setLastAppliedTermIndex(snapshot.getTermIndex());
        LOG.info("safekeeper state loaded from snapshot {}: {} timelines", snapshot.getTermIndex(), timelines.size());
    }

    @Override
    public StateMachineStorage getStateMachineStorage() {
        return storage;
    }

    @Override
    public SnapshotInfo getLatestSnapshot() {
        return storage.getLatestSnapshot();
    }

    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
        LogEntryProto entry = trx.getLogEntry();
        SafekeeperReply reply;
        try {
            SafekeeperRequest request = SafekeeperCodec.decodeRequest(
                    entry.getStateMachineLogEntry().getLogData().newInput());
            reply = apply(request);
        } catch (RuntimeException e) {
            // An I/O failure here would leave this member's files behind the log: stop rather than diverge.
            LOG.error("could not apply safekeeper log entry {}", TermIndex.valueOf(entry), e);
            return CompletableFuture.failedFuture(e);
        }
        updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
        return CompletableFuture.completedFuture(message(reply));
    }

    private SafekeeperReply apply(SafekeeperRequest request) {
        TimelineLog timeline = timelines.get(request.timeline());
        return switch (request) {
            case SafekeeperRequest.Acquire a -> {
                if (timeline == null) {
                    long generation = a.generation() == SafekeeperRequest.NEXT_GENERATION ? 1 : a.generation();
                    long start = a.startLsn().value();
                    timeline = TimelineLog.open(walRoot.resolve(a.timeline().toString()),
                            new TimelineState(a.timeline(), generation, start, start, start), segmentSize);
                    timelines.put(a.timeline(), timeline);
                    yield timeline.reply();
                }
                yield timeline.acquire(a.generation());
            }
            case SafekeeperRequest.Append a -> timeline == null ? unknown(a.timeline()) : timeline.append(a);
            case SafekeeperRequest.Trim t -> timeline == null ? unknown(t.timeline()) : timeline.trim(t.upTo());
            case SafekeeperRequest.Read r -> new Rejected(Why.INVALID, "reads are queries, not log entries");
            case SafekeeperRequest.Status s -> new Rejected(Why.INVALID, "status is a query, not a log entry");
        };
    }

    @Override
    public CompletableFuture<Message> query(Message request) {
        try {
            SafekeeperRequest decoded = SafekeeperCodec.decodeRequest(request.getContent().newInput());
            TimelineLog timeline = timelines.get(decoded.timeline());
            SafekeeperReply reply = switch (decoded) {
                case SafekeeperRequest.Read r -> timeline == null ? unknown(r.timeline()) : timeline.read(r.from(), r.maxBytes());
                case SafekeeperRequest.Status s -> timeline == null ? unknown(s.timeline()) : timeline.reply();
                default -> new Rejected(Why.INVALID, "only reads and status are queries");
            };
            return CompletableFuture.completedFuture(message(reply));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Message> queryStale(Message request, long minIndex) {
        // A member's own applied state is all a stale read promises; minIndex was checked by the server.
        return query(request);
    }

    /** Fsyncs the segment files and records the timelines' state at the last applied index. */
    @Override
    public long takeSnapshot() throws IOException {
        TermIndex last = getLastAppliedTermIndex();
        if (last == null || last.getIndex() < 0) {
            return RaftLog.INVALID_LOG_INDEX;
        }
        List<TimelineState> states = new ArrayList<>();
        for (TimelineLog timeline : timelines.values()) {
            timeline.sync();
            states.add(timeline.state());
        }
        File file = storage.getSnapshotFile(last.getTerm(), last.getIndex());
        SnapshotFile.write(file.toPath(), states);
        MD5Hash md5 = MD5FileUtil.computeAndSaveMd5ForFile(file);
        storage.updateLatestSnapshot(new SingleFileSnapshotInfo(new FileInfo(file.toPath(), md5), last));
        LOG.debug("safekeeper snapshot at {}: {} timelines", last, states.size());
        return last.getIndex();
    }

    /**
     * The leader no longer has the log entries this member needs (it lost its disk, or was away while every other
     * member purged). Copying the WAL from a peer is not implemented: refuse loudly rather than pretend.
     */
    @Override
    public CompletableFuture<TermIndex> notifyInstallSnapshotFromLeader(RoleInfoProto roleInfo, TermIndex firstTermIndexInLog) {
        LOG.error("safekeeper {} is behind the leader's log start {} and cannot catch up from the log; "
                + "copy a peer's data directory to it (WAL copy between safekeepers is not implemented)",
                getId(), firstTermIndexInLog);
        return CompletableFuture.failedFuture(new IOException("safekeeper cannot install a snapshot from the leader"));
    }

    /** This member's view of a timeline (for tests and tools), or null if it does not know it. */
    public SafekeeperReply.TimelineState timelineState(TimelineId id) {
        TimelineLog timeline = timelines.get(id);
        return timeline == null ? null : timeline.reply();
    }

    private static Rejected unknown(TimelineId id) {
        return new Rejected(Why.NOT_FOUND, "timeline " + id + " is unknown to the safekeepers");
    }

    private static Message message(SafekeeperReply reply) {
        return Message.valueOf(UnsafeByteOperations.unsafeWrap(SafekeeperCodec.encode(reply)));
    }

    @Override
    public void close() throws IOException {
        super.close();
        closeTimelines();
    }

    private void closeTimelines() {
        for (TimelineLog timeline : timelines.values()) {
            try {
                timeline.close();
            } catch (StorageException e) {
                LOG.warn("could not close WAL of timeline: {}", e.getMessage());
            }
        }
        timelines.clear();
    }
}
