package org.lakepg.storage.cloud.safekeeper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.apache.ratis.util.TimeDuration;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.WalEntry;
import org.lakepg.storage.WalRecordCodec;
import org.lakepg.storage.cloud.safekeeper.TimelineLog.TimelineState;

/**
 * Copies the leader's timelines into an empty member: the manifest (every timeline's state at one Raft index),
 * then each timeline's WAL up to the manifest's end, read from the leader's segment files. Afterwards the member
 * follows the Raft log from that index like any other. WAL the leader already trimmed is not copied.
 */
final class LeaderWalCopy implements AutoCloseable {

    private static final int CHUNK_BYTES = 4 << 20;

    private final RaftClient client;
    private final RaftPeerId leader;

    private LeaderWalCopy(RaftClient client, RaftPeerId leader) {
        this.client = client;
        this.leader = leader;
    }

    static LeaderWalCopy connect(RaftGroup group, RaftPeerId leader) {
        RaftClient client = RaftClient.newBuilder()
                .setRaftGroup(group)
                .setProperties(QuorumSettings.client())
                .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(50,
                        TimeDuration.valueOf(200, TimeUnit.MILLISECONDS)))
                .build();
        return new LeaderWalCopy(client, leader);
    }

    SafekeeperReply.Manifest manifest() {
        if (ask(new SafekeeperRequest.Manifest()) instanceof SafekeeperReply.Manifest manifest) {
            return manifest;
        }
        throw StorageException.of(StorageException.Reason.IO, "safekeeper %s sent no manifest", leader);
    }

    /** Copies one timeline into {@code dir} (which must be empty) and returns it open. */
    TimelineLog copy(Path dir, SafekeeperReply.TimelineSummary summary, long segmentSize) {
        SafekeeperReply.TimelineState state = summary.state();
        long end = state.endLsn().value();
        long position = Math.max(state.startLsn().value(), state.trimmedUpTo().value());
        List<WalEntry> chunk = read(summary, position, end);
        // the leader's kept WAL starts with the first record it returns (trimming removes whole segments)
        long copyFrom = chunk.isEmpty() ? position : start(chunk.get(0));
        TimelineLog log = TimelineLog.open(dir, new TimelineState(summary.id(), state.generation(),
                state.startLsn().value(), copyFrom, copyFrom), segmentSize);
        position = copyFrom;
        while (!chunk.isEmpty()) {
            List<byte[]> payloads = new ArrayList<>(chunk.size());
            for (WalEntry e : chunk) {
                payloads.add(WalRecordCodec.encode(e.record()));
            }
            SafekeeperReply reply = log.append(new SafekeeperRequest.Append(summary.id(), state.generation(),
                    Lsn.of(position), payloads));
            long last = chunk.get(chunk.size() - 1).lsn().value();
            if (!(reply instanceof SafekeeperReply.Appended appended) || appended.endLsn().value() != last) {
                log.close();
                throw StorageException.of(StorageException.Reason.CORRUPTED,
                        "copy of timeline %s from %s did not reproduce LSN %s: %s", summary.id(), leader, Lsn.of(last), reply);
            }
            position = last;
            chunk = position < end ? read(summary, position, end) : List.of();
        }
        if (position != end) {
            log.close();
            throw StorageException.of(StorageException.Reason.IO, "copy of timeline %s from %s ended at %s, not %s",
                    summary.id(), leader, Lsn.of(position), Lsn.of(end));
        }
        return log;
    }

    private List<WalEntry> read(SafekeeperReply.TimelineSummary summary, long from, long end) {
        SafekeeperReply reply = ask(new SafekeeperRequest.Read(summary.id(), Lsn.of(from), CHUNK_BYTES));
        if (!(reply instanceof SafekeeperReply.Records records)) {
            throw StorageException.of(StorageException.Reason.IO, "could not read timeline %s from %s: %s",
                    summary.id(), leader, reply);
        }
        return records.entries().stream().filter(e -> e.lsn().value() <= end).toList();
    }

    private static long start(WalEntry entry) {
        return entry.lsn().value() - WalRecordCodec.FRAME_OVERHEAD - WalRecordCodec.encode(entry.record()).length;
    }

    private SafekeeperReply ask(SafekeeperRequest request) {
        try {
            RaftClientReply reply = client.io().sendStaleRead(
                    Message.valueOf(UnsafeByteOperations.unsafeWrap(SafekeeperCodec.encode(request))), 0, leader);
            if (!reply.isSuccess()) {
                throw new StorageException(StorageException.Reason.IO, "safekeeper " + leader + " failed: "
                        + reply.getException(), reply.getException());
            }
            return SafekeeperCodec.decodeReply(reply.getMessage().getContent().newInput());
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not reach safekeeper " + leader + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not close the copy client", e);
        }
    }
}
