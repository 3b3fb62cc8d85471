package org.lakepg.server;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.lakepg.storage.Lsn;

/**
 * Read replicas: read-only computes that follow a timeline's durable WAL. A replica's transaction runs on a compute
 * that reads every page and the commit log as of the replica's replay LSN, so it sees exactly the transactions
 * committed by then (a consistent snapshot, like a hot standby's). The replay LSN moves forward to the timeline's
 * durable LSN at most once per {@code replayInterval}; a transaction keeps the compute it started on, so a later
 * replay never changes what a running transaction sees (no recovery conflicts to cancel queries for).
 *
 * <p>Each replay opens a fresh read-only compute at the new LSN (its buffer cache starts cold; pages come from the
 * page service at that LSN) instead of re-reading changed pages in place: correct without knowing which xids were
 * running at the new LSN, at the cost of cold caches right after a replay.
 */
final class ReadReplicas {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReadReplicas.class);
    private record Replica(Lsn replayLsn, Compute compute, long replayedAtNanos) {
    }

    private final Map<String, Replica> replicas = new HashMap<>();
    private final Duration replayInterval;
    private final Function<String, Lsn> durableLsn;
    private final BiFunction<String, Lsn, Compute> openAt;

    /**
     * @param durableLsn the latest durable LSN of a timeline (by name)
     * @param openAt     opens a read-only compute of a timeline at an LSN
     */
    ReadReplicas(Duration replayInterval, Function<String, Lsn> durableLsn, BiFunction<String, Lsn, Compute> openAt) {
        this.replayInterval = replayInterval;
        this.durableLsn = durableLsn;
        this.openAt = openAt;
    }

    /** The compute a replica transaction of {@code timeline} starting now runs on, replaying first if it is due. */
    synchronized Compute compute(String timeline) {
        Replica r = replicas.get(timeline);
        long now = System.nanoTime();
        if (r == null || now - r.replayedAtNanos() >= replayInterval.toNanos()) {
            Lsn target;
            try {
                target = durableLsn.apply(timeline);
            } catch (RuntimeException e) {
                if (r == null) {
                    throw e;
                }
                // the WAL's keepers did not answer (a quorum down, an overloaded host): keep serving the last replayed
                // LSN, as a standby cut off from its primary does, and try again with the next transaction
                LOG.warn("read replica of \"{}\" stays at {}: could not learn the durable LSN: {}", timeline,
                        r.replayLsn(), e.getMessage());
                return r.compute();
            }
            if (r == null || target.isAfter(r.replayLsn())) {
                r = new Replica(target, openAt.apply(timeline, target), now);
            } else {
                r = new Replica(r.replayLsn(), r.compute(), now);
            }
            replicas.put(timeline, r);
        }
        return r.compute();
    }

    /** The LSN a replica of {@code timeline} has replayed up to, or null when no replica transaction ran yet. */
    synchronized Lsn replayLsn(String timeline) {
        Replica r = replicas.get(timeline);
        return r == null ? null : r.replayLsn();
    }

    /** Drops the replica of a timeline that is being deleted or replaced. */
    synchronized void forget(String timeline) {
        Replica r = replicas.remove(timeline);
        if (r != null) {
            r.compute().close();
        }
    }

    /** Drops every replica (their computes hold only caches). */
    synchronized void clear() {
        replicas.values().forEach(r -> r.compute().close());
        replicas.clear();
    }
}
