package org.lakepg.storage.cloud.safekeeper;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.apache.ratis.util.TimeDuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member that (re)starts asks the leader, through the Raft log, for a few empty entries
 * ({@link SafekeeperRequest.Nudge}), so that it is sent entries and not only heartbeats.
 *
 * <p>Why: Ratis 3.2's gRPC log appender takes a follower's "inconsistent" answer to a <em>heartbeat</em> back to
 * the follower's old match index ({@code LogAppenderBase.getNextIndexForInconsistency}: a heartbeat has no first
 * entry, so the old match index wins). A member that came back behind what the leader remembers of it — with an
 * empty disk above all — is then sent heartbeats only and never catches up until the next write (RATIS-2523); on
 * an idle group, or one blocked because that very member is needed for a majority, the next write may never come.
 * An appendEntries that carries entries is answered with the member's real position, and the leader ships the
 * missing log or tells the member to copy the WAL. Repeated a few times, because a member that just started may
 * get the first one before it answers the leader at all; each costs one tiny Raft round.
 */
final class StartupNudge {

    private static final Logger LOG = LoggerFactory.getLogger(StartupNudge.class);

    static final int NUDGES = 3;
    static final long SPACING_MILLIS = 2_000;

    private StartupNudge() {
    }

    /** Sends the nudges from a virtual thread; interrupting the returned thread stops it. */
    static Thread start(RaftGroup group, int memberId) {
        return Thread.ofVirtual().name("safekeeper-" + memberId + "-startup-nudge").start(() -> run(group, memberId));
    }

    private static void run(RaftGroup group, int memberId) {
        Message nudge = Message.valueOf(UnsafeByteOperations.unsafeWrap(
                SafekeeperCodec.encode(new SafekeeperRequest.Nudge())));
        try (RaftClient client = RaftClient.newBuilder()
                .setClientId(ClientId.randomId())
                .setRaftGroup(group)
                .setProperties(QuorumSettings.client())
                // without a majority the nudge waits in the leader's log; that is fine, so do not retry long
                .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(20,
                        TimeDuration.valueOf(500, TimeUnit.MILLISECONDS)))
                .build()) {
            for (int i = 0; i < NUDGES; i++) {
                Thread.sleep(SPACING_MILLIS);
                client.io().send(nudge);
            }
            LOG.debug("safekeeper {}: startup nudges committed", memberId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // no leader or no majority for a while: the member catches up with the next write instead
            LOG.info("safekeeper {}: startup nudge not committed: {}", memberId, e.toString());
        }
    }
}
