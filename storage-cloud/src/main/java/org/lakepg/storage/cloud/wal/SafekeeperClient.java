package org.lakepg.storage.cloud.wal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.apache.ratis.util.TimeDuration;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.cloud.safekeeper.QuorumSettings;
import org.lakepg.storage.cloud.safekeeper.SafekeeperAddress;
import org.lakepg.storage.cloud.safekeeper.SafekeeperCodec;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply;
import org.lakepg.storage.cloud.safekeeper.SafekeeperRequest;

/**
 * Talks to the safekeeper quorum through a Ratis client: the compute's {@link SafekeeperWalService} and the
 * pageserver (reading committed WAL, trimming what it persisted) both use it. Writes are retried until a quorum
 * answers — a flush with two of three safekeepers down waits, it does not fail; blocking writes give up after
 * {@code blockingTimeout}. Reads ask the leader and, if it does not answer within a few seconds, every member: a
 * member applies only committed entries, so reads keep working (possibly a little behind) without a quorum.
 */
public final class SafekeeperClient implements WalQuorum {

    /** How long a read waits for one answer (the leader's, or each member's) before it looks elsewhere. */
    private static final long READ_WAIT_NANOS = TimeUnit.SECONDS.toNanos(3);

    /** Writes: retried until a quorum answers. */
    private final RaftClient raft;
    /** Reads: retried briefly, then answered by any member (so they work without a quorum). */
    private final RaftClient reads;
    private final List<SafekeeperAddress> members;
    private final TimeDuration timeout;

    private SafekeeperClient(RaftClient raft, RaftClient reads, List<SafekeeperAddress> members, TimeDuration timeout) {
        this.raft = raft;
        this.reads = reads;
        this.members = members;
        this.timeout = timeout;
    }

    public static SafekeeperClient connect(List<SafekeeperAddress> members) {
        return connect(members, TimeDuration.valueOf(30, TimeUnit.SECONDS));
    }

    public static SafekeeperClient connect(List<SafekeeperAddress> members, TimeDuration blockingTimeout) {
        RaftClient raft = RaftClient.newBuilder()
                .setClientId(ClientId.randomId())
                .setRaftGroup(QuorumSettings.group(members))
                .setProperties(QuorumSettings.client())
                .setRetryPolicy(RetryPolicies.retryForeverWithSleep(TimeDuration.valueOf(100, TimeUnit.MILLISECONDS)))
                .build();
        RaftClient reads = RaftClient.newBuilder()
                .setClientId(ClientId.randomId())
                .setRaftGroup(QuorumSettings.group(members))
                .setProperties(QuorumSettings.client())
                .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(10, TimeDuration.valueOf(100, TimeUnit.MILLISECONDS)))
                .build();
        return new SafekeeperClient(raft, reads, List.copyOf(members), blockingTimeout);
    }

    @Override
    public List<SafekeeperAddress> members() {
        return members;
    }

    /**
     * Takes the timeline for writing with {@code generation} ({@link SafekeeperRequest#NEXT_GENERATION} for one
     * more than the highest seen); creates it with history starting at {@code startLsn} if it is new.
     */
    @Override
    public SafekeeperReply.TimelineState acquire(TimelineId timeline, long generation, Lsn startLsn) {
        return expectState(await(write(new SafekeeperRequest.Acquire(timeline, generation, startLsn))));
    }

    /** Ships an append through the Raft log; completes when a majority has it durable and it was applied. */
    @Override
    public CompletableFuture<SafekeeperReply> append(SafekeeperRequest.Append append) {
        return write(append);
    }

    /** Removes WAL at or below {@code upTo} on every member (whole segments). */
    @Override
    public SafekeeperReply.TimelineState trim(TimelineId timeline, Lsn upTo) {
        return expectState(await(write(new SafekeeperRequest.Trim(timeline, upTo))));
    }

    /**
     * A committed Delete entry: every member applies it, also one that was down, when it catches up from the log.
     */
    @Override
    public int delete(TimelineId timeline) {
        SafekeeperReply reply = await(write(new SafekeeperRequest.Delete(timeline)));
        if (reply instanceof SafekeeperReply.TimelineState
                || reply instanceof SafekeeperReply.Rejected r && r.why() == SafekeeperReply.Why.NOT_FOUND) {
            return members().size();
        }
        throw failure(reply);
    }

    /**
     * The timeline's state on the leader or, without a leader, the furthest any member has applied (committed WAL
     * either way).
     */
    @Override
    public SafekeeperReply.TimelineState status(TimelineId timeline) {
        return expectState(leaderOrMembers(new SafekeeperRequest.Status(timeline),
                r -> ((SafekeeperReply.TimelineState) r).endLsn()));
    }

    /** The timeline's state as one member has applied it (it may lag the leader). */
    @Override
    public SafekeeperReply.TimelineState status(TimelineId timeline, SafekeeperAddress member) {
        return expectState(await(fromMember(new SafekeeperRequest.Status(timeline), member)));
    }

    /**
     * One chunk of committed records with LSN &gt; {@code from}: from the leader or, without a leader, from the
     * member that has applied the most.
     */
    @Override
    public SafekeeperReply.Records readChunk(TimelineId timeline, Lsn from, int maxBytes) {
        SafekeeperReply reply = leaderOrMembers(new SafekeeperRequest.Read(timeline, from, maxBytes),
                r -> ((SafekeeperReply.Records) r).endLsn());
        if (reply instanceof SafekeeperReply.Records records) {
            return records;
        }
        throw failure(reply);
    }

    /** Asks the leader; if it does not answer in time, asks every member and keeps the answer furthest ahead. */
    private SafekeeperReply leaderOrMembers(SafekeeperRequest request, Function<SafekeeperReply, Lsn> progress) {
        CompletableFuture<SafekeeperReply> leader = query(request);
        try {
            return leader.get(READ_WAIT_NANOS, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            leader.cancel(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(StorageException.Reason.IO, "interrupted while waiting for the safekeepers", e);
        }
        List<CompletableFuture<SafekeeperReply>> asks = members.stream().map(m -> fromMember(request, m)).toList();
        long deadline = System.nanoTime() + READ_WAIT_NANOS;
        SafekeeperReply best = null;
        SafekeeperReply rejected = null;
        for (CompletableFuture<SafekeeperReply> ask : asks) {
            try {
                SafekeeperReply reply = ask.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (reply instanceof SafekeeperReply.Rejected) {
                    rejected = reply;
                } else if (best == null || progress.apply(reply).isAfter(progress.apply(best))) {
                    best = reply;
                }
            } catch (TimeoutException | ExecutionException | ClassCastException e) {
                ask.cancel(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException(StorageException.Reason.IO, "interrupted while waiting for the safekeepers", e);
            }
        }
        if (best != null) {
            return best;
        }
        if (rejected != null) {
            return rejected;
        }
        throw StorageException.of(StorageException.Reason.IO, "no safekeeper of %s answered", members);
    }

    /**
     * A stale read of one member, on a virtual thread through the blocking API: Ratis' async reads share the
     * client's ordered sliding window, and once a request in it failed (a member down, a timeout under load) every
     * later read on that window failed too — a pageserver stopped ingesting for good that way.
     */
    private CompletableFuture<SafekeeperReply> fromMember(SafekeeperRequest request, SafekeeperAddress member) {
        Message message = message(SafekeeperCodec.encode(request));
        return CompletableFuture.supplyAsync(() -> {
            try {
                return decode(reads.io().sendStaleRead(message, 0, member.peerId()));
            } catch (IOException e) {
                throw new StorageException(StorageException.Reason.IO,
                        "safekeeper " + member + " did not answer: " + e.getMessage(), e);
            }
        }, STALE_READS);
    }

    private static final java.util.concurrent.Executor STALE_READS =
            java.util.concurrent.Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("safekeeper-read-", 0).factory());

    /**
     * One chunk of records read from one member's applied WAL. A member applies only committed entries, so this is
     * committed WAL too, possibly less of it than the leader has — and it works without a quorum (the pageserver
     * can keep ingesting while two of three safekeepers are down).
     */
    @Override
    public SafekeeperReply.Records readChunk(TimelineId timeline, Lsn from, int maxBytes, SafekeeperAddress member) {
        SafekeeperReply reply = await(fromMember(new SafekeeperRequest.Read(timeline, from, maxBytes), member));
        if (reply instanceof SafekeeperReply.Records records) {
            return records;
        }
        throw failure(reply);
    }

    private CompletableFuture<SafekeeperReply> write(SafekeeperRequest request) {
        return raft.async().send(message(SafekeeperCodec.encode(request))).thenApply(SafekeeperClient::decode);
    }

    private CompletableFuture<SafekeeperReply> query(SafekeeperRequest request) {
        // unordered: queries need no order, and an ordered window stays broken after one failed request
        return reads.async().sendReadOnlyUnordered(message(SafekeeperCodec.encode(request))).thenApply(SafekeeperClient::decode);
    }

    private static Message message(byte[] bytes) {
        return Message.valueOf(UnsafeByteOperations.unsafeWrap(bytes));
    }

    private static SafekeeperReply decode(RaftClientReply reply) {
        if (!reply.isSuccess()) {
            throw new StorageException(StorageException.Reason.IO, "safekeeper request failed: " + reply.getException(),
                    reply.getException());
        }
        return SafekeeperCodec.decodeReply(reply.getMessage().getContent().newInput());
    }

    private <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(timeout.getDuration(), timeout.getUnit());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(StorageException.Reason.IO, "interrupted while waiting for the safekeepers", e);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw StorageException.of(StorageException.Reason.IO, "no answer from a quorum of safekeepers %s within %s",
                    members, timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StorageException s) {
                throw s;
            }
            throw new StorageException(StorageException.Reason.IO, "safekeeper request failed: " + e.getCause(), e.getCause());
        }
    }

    private static SafekeeperReply.TimelineState expectState(SafekeeperReply reply) {
        if (reply instanceof SafekeeperReply.TimelineState state) {
            return state;
        }
        throw failure(reply);
    }

    /** The exception a non-success reply means for the caller. */
    static StorageException failure(SafekeeperReply reply) {
        if (reply instanceof SafekeeperReply.Rejected rejected) {
            return switch (rejected.why()) {
                case FENCED -> new GenerationFencedException(rejected.message());
                case NOT_FOUND -> new StorageException(StorageException.Reason.NOT_FOUND, rejected.message());
                case INVALID -> new StorageException(StorageException.Reason.INVALID_REQUEST, rejected.message());
            };
        }
        return new StorageException(StorageException.Reason.CORRUPTED, "unexpected safekeeper reply " + reply);
    }

    @Override
    public void close() {
        try {
            reads.close();
            raft.close();
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not close safekeeper client", e);
        }
    }
}
