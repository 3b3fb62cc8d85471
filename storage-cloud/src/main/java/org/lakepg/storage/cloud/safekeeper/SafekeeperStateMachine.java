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
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.apache.ratis.io.MD5Hash;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeerId;
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
import org.apache.ratis.util.LifeCycle;
import org.apache.ratis.util.MD5FileUtil;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.local.FileUtil;
import org.lakepg.storage.cloud.metrics.LatencyHistogram;
import org.lakepg.storage.cloud.metrics.Metrics;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply.Rejected;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply.Why;
import org.lakepg.storage.cloud.safekeeper.TimelineLog.TimelineState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safekeeper's Raft state machine: committed entries (acquire, append, trim) are applied in log order to the
 * timelines' segment files; queries (read, status, manifest) are answered from them.
 *
 * <p>Source of truth: the Raft log makes an append durable — Ratis fsyncs it on a majority before the entry is
 * committed and the compute's flush completes. The segment files are the long-term copy that reads are served
 * from; a snapshot fsyncs them and records where they end, after which Ratis may purge its log up to that index
 * (it keeps entries a lagging member still needs). So a record is held twice only until the Raft log segment
 * holding it is purged. A member behind the leader's log start copies the WAL from the leader instead.
 */
public final class SafekeeperStateMachine extends BaseStateMachine {

    private static final Logger LOG = LoggerFactory.getLogger(SafekeeperStateMachine.class);

    private final Path walRoot;
    private final long segmentSize;
    private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();
    private final Map<TimelineId, TimelineLog> timelines = new ConcurrentHashMap<>();
    /** Apply (write) against the manifest and snapshots (read): they must see one Raft index's state. */
    private final ReentrantReadWriteLock stateLock = new ReentrantReadWriteLock();
    private final Metrics metrics = new Metrics();
    /** Leader only: a client request's entry from its arrival until it is committed (log write, replication, fsyncs). */
    private final LatencyHistogram leaderCommit = metrics.histogram("leader_commit");
    /** Applying one committed entry to the segment files (every member). */
    private final LatencyHistogram apply = metrics.histogram("apply");

    public SafekeeperStateMachine(Path walRoot, long segmentSize) {
        this.walRoot = walRoot;
        this.segmentSize = segmentSize;
    }

    /** This member's figures (see {@code SafekeeperMain}'s metrics file). */
    public Metrics metrics() {
        return metrics;
    }

    @Override
    public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage) throws IOException {
        super.initialize(server, groupId, raftStorage);
        storage.init(raftStorage);
        Files.createDirectories(walRoot);
        DroppedTimelines.removeLeftovers(walRoot);
        getLifeCycle().startAndTransition(this::load);
    }

    /** Ratis pauses the state machine before reloading it after a copy from the leader (and checks it did). */
    @Override
    public void pause() {
        LifeCycle lifeCycle = getLifeCycle();
        if (lifeCycle.compareAndTransition(LifeCycle.State.RUNNING, LifeCycle.State.PAUSING)) {
            lifeCycle.transition(LifeCycle.State.PAUSED);
        }
    }

    @Override
    public void reinitialize() throws IOException {
        stateLock.writeLock().lock();
        try {
            closeTimelines();
            load();
        } finally {
            stateLock.writeLock().unlock();
        }
        LifeCycle lifeCycle = getLifeCycle();
        if (lifeCycle.compareAndTransition(LifeCycle.State.PAUSED, LifeCycle.State.STARTING)) {
            lifeCycle.transition(LifeCycle.State.RUNNING);
        }
    }

    private void load() throws IOException {
        SingleFileSnapshotInfo snapshot = storage.loadLatestSnapshot();
        if (snapshot == null) {
            return;
        }
        for (TimelineState state : SnapshotFile.read(snapshot.getFile().getPath())) {
            if (!Files.isDirectory(walRoot.resolve(state.id().toString()))) {
                // deleted after this snapshot: replaying the log deletes it again
                LOG.info("timeline {} of the snapshot was deleted since", state.id());
                continue;
            }
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

    /** On the leader: remembers when the request arrived, so applying it can tell how long committing took. */
    @Override
    public TransactionContext startTransaction(RaftClientRequest request) throws IOException {
        TransactionContext trx = super.startTransaction(request);
        trx.setStateMachineContext(System.nanoTime());
        return trx;
    }

    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
        long applying = System.nanoTime();
        if (trx.getStateMachineContext() instanceof Long arrived) {
            leaderCommit.recordNanos(applying - arrived);
        }
        LogEntryProto entry = trx.getLogEntry();
        SafekeeperReply reply;
        stateLock.writeLock().lock();
        try {
            SafekeeperRequest request = SafekeeperCodec.decodeRequest(
                    entry.getStateMachineLogEntry().getLogData().newInput());
            reply = apply(request);
            updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
        } catch (RuntimeException e) {
            // An I/O failure here would leave this member's files behind the log: stop rather than diverge.
            LOG.error("could not apply safekeeper log entry {}", TermIndex.valueOf(entry), e);
            return CompletableFuture.failedFuture(e);
        } finally {
            stateLock.writeLock().unlock();
            apply.recordSince(applying);
        }
        return CompletableFuture.completedFuture(message(reply));
    }

    private SafekeeperReply apply(SafekeeperRequest request) {
        return switch (request) {
            case SafekeeperRequest.Acquire a -> acquire(a);
            case SafekeeperRequest.Append a -> withTimeline(a.timeline(), t -> t.append(a));
            case SafekeeperRequest.Trim t -> withTimeline(t.timeline(), log -> log.trim(t.upTo()));
            case SafekeeperRequest.Delete d -> delete(d.timeline());
            case SafekeeperRequest.Read r -> new Rejected(Why.INVALID, "reads are queries, not log entries");
            case SafekeeperRequest.Status s -> new Rejected(Why.INVALID, "status is a query, not a log entry");
            case SafekeeperRequest.Manifest m -> new Rejected(Why.INVALID, "the manifest is a query, not a log entry");
            case SafekeeperRequest.Nudge n -> new SafekeeperReply.Appended(Lsn.INVALID); // nothing to apply
        };
    }

    private SafekeeperReply acquire(SafekeeperRequest.Acquire a) {
        TimelineLog timeline = timelines.get(a.timeline());
        if (timeline != null) {
            return timeline.acquire(a.generation());
        }
        long generation = a.generation() == SafekeeperRequest.NEXT_GENERATION ? 1 : a.generation();
        long start = a.startLsn().value();
        timeline = TimelineLog.open(walRoot.resolve(a.timeline().toString()),
                new TimelineState(a.timeline(), generation, start, start, start), segmentSize);
        timelines.put(a.timeline(), timeline);
        return timeline.reply();
    }

    private SafekeeperReply delete(TimelineId id) {
        TimelineLog timeline = timelines.remove(id);
        if (timeline == null) {
            return unknown(id);
        }
        SafekeeperReply last = timeline.reply();
        timeline.close();
        DroppedTimelines.remove(walRoot, id);
        return last;
    }

    private SafekeeperReply withTimeline(TimelineId id, Function<TimelineLog, SafekeeperReply> action) {
        TimelineLog timeline = timelines.get(id);
        return timeline == null ? unknown(id) : action.apply(timeline);
    }

    @Override
    public CompletableFuture<Message> query(Message request) {
        try {
            SafekeeperReply reply = switch (SafekeeperCodec.decodeRequest(request.getContent().newInput())) {
                case SafekeeperRequest.Read r -> withTimeline(r.timeline(), t -> t.read(r.from(), r.maxBytes()));
                case SafekeeperRequest.Status s -> withTimeline(s.timeline(), TimelineLog::reply);
                case SafekeeperRequest.Manifest m -> manifest();
                default -> new Rejected(Why.INVALID, "only reads, status and the manifest are queries");
            };
            return CompletableFuture.completedFuture(message(reply));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private SafekeeperReply manifest() {
        stateLock.readLock().lock();
        try {
            TermIndex last = getLastAppliedTermIndex();
            List<SafekeeperReply.TimelineSummary> summaries = new ArrayList<>();
            timelines.forEach((id, log) -> summaries.add(new SafekeeperReply.TimelineSummary(id, log.reply())));
            return last == null ? new Rejected(Why.NOT_FOUND, "nothing applied yet")
                    : new SafekeeperReply.Manifest(last.getTerm(), last.getIndex(), summaries);
        } finally {
            stateLock.readLock().unlock();
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
        stateLock.readLock().lock();
        try {
            TermIndex last = getLastAppliedTermIndex();
            if (last == null || last.getIndex() < 0) {
                return RaftLog.INVALID_LOG_INDEX;
            }
            writeSnapshot(last);
            return last.getIndex();
        } finally {
            stateLock.readLock().unlock();
        }
    }

    private void writeSnapshot(TermIndex at) throws IOException {
        List<TimelineState> states = new ArrayList<>();
        for (TimelineLog timeline : timelines.values()) {
            timeline.sync();
            states.add(timeline.state());
        }
        File file = storage.getSnapshotFile(at.getTerm(), at.getIndex());
        SnapshotFile.write(file.toPath(), states);
        MD5Hash md5 = MD5FileUtil.computeAndSaveMd5ForFile(file);
        storage.updateLatestSnapshot(new SingleFileSnapshotInfo(new FileInfo(file.toPath(), md5), at));
        LOG.debug("safekeeper snapshot at {}: {} timelines", at, states.size());
    }

    /**
     * The leader no longer has the log entries this member needs (it lost its disk, or was away while every
     * other member purged): copy the leader's timelines, then follow the log from the index they reflect.
     */
    @Override
    public CompletableFuture<TermIndex> notifyInstallSnapshotFromLeader(RoleInfoProto roleInfo, TermIndex firstTermIndexInLog) {
        RaftPeerId leader = RaftPeerId.valueOf(roleInfo.getFollowerInfo().getLeaderInfo().getId().getId());
        return CompletableFuture.supplyAsync(() -> copyFromLeader(leader, firstTermIndexInLog),
                task -> Thread.ofPlatform().name("safekeeper-copy-from-" + leader).daemon(true).start(task));
    }

    private TermIndex copyFromLeader(RaftPeerId leader, TermIndex firstTermIndexInLog) {
        LOG.warn("safekeeper {} is behind the leader's log start {}: copying the WAL from {}", getId(), firstTermIndexInLog, leader);
        RaftGroup group;
        try {
            group = getServer().join().getDivision(getGroupId()).getGroup();
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "no Raft group " + getGroupId(), e);
        }
        stateLock.writeLock().lock();
        try (LeaderWalCopy copy = LeaderWalCopy.connect(group, leader)) {
            SafekeeperReply.Manifest manifest = copy.manifest();
            closeTimelines();
            FileUtil.deleteRecursively(walRoot);
            Files.createDirectories(walRoot);
            for (SafekeeperReply.TimelineSummary t : manifest.timelines()) {
                timelines.put(t.id(), copy.copy(walRoot.resolve(t.id().toString()), t, segmentSize));
            }
            TermIndex at = TermIndex.valueOf(manifest.term(), manifest.index());
            writeSnapshot(at);
            setLastAppliedTermIndex(at);
            LOG.warn("safekeeper {} copied {} timelines from {} up to {}", getId(), timelines.size(), leader, at);
            return at;
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not copy the WAL from " + leader + ": " + e.getMessage(), e);
        } finally {
            stateLock.writeLock().unlock();
        }
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
