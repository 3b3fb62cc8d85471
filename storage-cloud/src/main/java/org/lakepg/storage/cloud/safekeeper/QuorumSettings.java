package org.lakepg.storage.cloud.safekeeper;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/**
 * The Ratis settings safekeepers and their clients agree on, in one place.
 *
 * <p>One Raft group carries every timeline (entries are keyed by timeline id) rather than one group per timeline:
 * the members are fixed on the command line, so a member that was down while a timeline was created learns it
 * from the log like any other entry, without a group-management protocol; and concurrent commits of different
 * timelines share one Raft log fsync per round. The cost is that every timeline's writes are ordered through one
 * leader. See docs/safekeepers.md.
 */
public final class QuorumSettings {

    /** The one group of the safekeepers; fixed, so a restarted member finds its log again. */
    public static final RaftGroupId GROUP_ID =
            RaftGroupId.valueOf(UUID.nameUUIDFromBytes("lakepg-safekeepers".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

    /** Appends are cut into Raft entries of about this size (a bigger single record goes alone). */
    public static final int MAX_ENTRY_BYTES = 4 << 20;
    /** The largest batch a leader sends a follower at once; a single WAL record must fit. */
    static final SizeInBytes APPENDER_BUFFER = SizeInBytes.valueOf("16MB");
    /** gRPC messages carry appender batches and read replies (about {@link #MAX_ENTRY_BYTES} each, at most 16 MB). */
    static final SizeInBytes MESSAGE_SIZE_MAX = SizeInBytes.valueOf("40MB");
    /** The Raft log's write buffer must hold the appender's largest batch plus a header. */
    static final SizeInBytes LOG_WRITE_BUFFER = SizeInBytes.valueOf((16 << 20) + (64 << 10));

    private QuorumSettings() {
    }

    public static RaftGroup group(List<SafekeeperAddress> members) {
        return RaftGroup.valueOf(GROUP_ID, members.stream().map(SafekeeperAddress::peer).toList());
    }

    /** Server properties: gRPC transport on {@code port}, Raft log in {@code raftDir}. */
    static RaftProperties server(int port, Path raftDir, long snapshotEveryEntries, long raftSegmentSize) {
        RaftProperties p = common();
        GrpcConfigKeys.Server.setPort(p, port);
        RaftServerConfigKeys.setStorageDir(p, List.of(new File(raftDir.toString())));
        // a heavily loaded 2-core test machine must not mistake a GC pause for a dead leader
        RaftServerConfigKeys.Rpc.setTimeoutMin(p, TimeDuration.valueOf(1000, TimeUnit.MILLISECONDS));
        RaftServerConfigKeys.Rpc.setTimeoutMax(p, TimeDuration.valueOf(2000, TimeUnit.MILLISECONDS));
        RaftServerConfigKeys.Rpc.setRequestTimeout(p, TimeDuration.valueOf(5, TimeUnit.SECONDS));
        // A leader that lost its majority may lead again soon: with two of three members it is often the only one
        // with the newest log, and Ratis' default (10 s) would keep commits blocked that long after a member returns.
        RaftServerConfigKeys.LeaderElection.setLeaderStepDownWaitTime(p, TimeDuration.valueOf(2, TimeUnit.SECONDS));
        RaftServerConfigKeys.Log.setWriteBufferSize(p, LOG_WRITE_BUFFER);
        RaftServerConfigKeys.Log.setSegmentSizeMax(p, SizeInBytes.valueOf(raftSegmentSize));
        RaftServerConfigKeys.Log.Appender.setBufferByteLimit(p, APPENDER_BUFFER);
        // a commit waits for this round trip: do not let the leader idle between appendEntries calls (default 10ms)
        RaftServerConfigKeys.Log.Appender.setWaitTimeMin(p, TimeDuration.ZERO);
        // Ratis by default logs a metadata entry (the new commit index) every time the commit index moves: with one
        // commit per round that doubled the Raft log — two entries, two appendEntries per follower and two fsyncs
        // per member for each compute flush (measured: 32,293 log fsyncs on a follower for 16,201 applied entries).
        // Raft's safety never needs the commit index on disk; a restarted member only applies its log tail once the
        // leader tells it the commit index again, and what it serves meanwhile is its snapshot state (older reads).
        RaftServerConfigKeys.Log.setLogMetadataEnabled(p, false);
        // Purge only what every member has (Ratis' default): a member that was down catches up from the log,
        // so no snapshot of the WAL itself ever has to be shipped.
        RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, false);
        // A snapshot holds only the timelines' bounds, not their WAL: shipping it would give a member with an
        // empty disk bounds without records. Such a member is told instead and copies the WAL from the leader
        // (SafekeeperStateMachine.notifyInstallSnapshotFromLeader).
        RaftServerConfigKeys.Log.Appender.setInstallSnapshotEnabled(p, false);
        RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
        RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, snapshotEveryEntries);
        RaftServerConfigKeys.Log.setPurgeGap(p, (int) Math.min(1024, snapshotEveryEntries));
        RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, 2);
        // a compute retrying an append after a long outage must still find its earlier answer
        RaftServerConfigKeys.RetryCache.setExpiryTime(p, TimeDuration.valueOf(10, TimeUnit.MINUTES));
        return overridden(p);
    }

    /** Client properties. */
    public static RaftProperties client() {
        RaftProperties p = common();
        RaftClientConfigKeys.Rpc.setRequestTimeout(p, TimeDuration.valueOf(5, TimeUnit.SECONDS));
        return overridden(p);
    }

    /** Prefix of JVM system properties that override a Ratis property ({@code -Dlakepg.ratis.raft.grpc.server.heartbeat.channel=false}). */
    static final String OVERRIDE_PREFIX = "lakepg.ratis.";

    /**
     * Applies {@code -Dlakepg.ratis.KEY=VALUE} system properties over the settings above: a way to measure a Ratis
     * setting on a running cluster ({@code LAKEPG_CLUSTER_JVM_OPTIONS}, scripts/cluster-ab) without a rebuild.
     */
    private static RaftProperties overridden(RaftProperties p) {
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith(OVERRIDE_PREFIX))
                .forEach(k -> p.set(k.substring(OVERRIDE_PREFIX.length()), System.getProperty(k)));
        return p;
    }

    private static RaftProperties common() {
        RaftProperties p = new RaftProperties();
        // gRPC rather than Netty: Ratis' Netty log appender can only ship snapshot files to a member that is
        // behind the log start, and a safekeeper snapshot holds no WAL; the gRPC appender can instead tell the
        // member, which then copies the WAL from the leader itself. Ratis' Netty client also has no unordered
        // async requests, which the pageserver's reads use (measured in session 8: its ingestion stopped).
        RaftConfigKeys.Rpc.setType(p, SupportedRpcType.GRPC);
        GrpcConfigKeys.setMessageSizeMax(p, MESSAGE_SIZE_MAX);
        return p;
    }
}
