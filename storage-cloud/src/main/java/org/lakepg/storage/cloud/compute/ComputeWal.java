package org.lakepg.storage.cloud.compute;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalReader;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.WalService;
import org.lakepg.storage.cloud.metrics.LatencyHistogram;
import org.lakepg.storage.cloud.metrics.Metrics;
import org.lakepg.storage.cloud.wal.SafekeeperWalService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compute's WAL on the safekeepers. The first time this compute touches a timeline — before it reads anything
 * of it — it takes the timeline with a new generation: every older compute is fenced from then on, and the
 * timeline's end LSN this compute continues from can no longer move under it.
 *
 * <p>A read replica's WAL ({@code readOnly}) never takes a timeline: taking it would fence the primary. It only
 * follows the quorum's committed end, which the primary keeps moving, and refuses appends.
 */
final class ComputeWal implements WalService {

    private static final Logger LOG = LoggerFactory.getLogger(ComputeWal.class);

    private final SafekeeperWalService safekeepers;
    /** A timeline's start LSN (its branch LSN) if the safekeepers have not seen it yet. */
    private final Function<TimelineId, Lsn> startLsn;
    private final Set<TimelineId> acquired = ConcurrentHashMap.newKeySet();
    /** Timelines this compute deleted: never taken again (that would create them anew on the safekeepers). */
    private final Set<TimelineId> deleted = ConcurrentHashMap.newKeySet();
    /** Page reads that first had to ship this compute's own WAL (the pageserver cannot see it otherwise). */
    private final LatencyHistogram readFlushes;
    private final boolean readOnly;

    ComputeWal(SafekeeperWalService safekeepers, Function<TimelineId, Lsn> startLsn, Metrics metrics, boolean readOnly) {
        this.safekeepers = safekeepers;
        this.startLsn = startLsn;
        this.readFlushes = metrics.histogram("flush_before_read");
        this.readOnly = readOnly;
    }

    /** Whether this is a read replica's WAL: it follows timelines and never takes one. */
    boolean readOnly() {
        return readOnly;
    }

    /** What a read replica answers to anything that would write (or take a timeline, which fences its primary). */
    static StorageException refusedOnReplica(String what) {
        return StorageException.of(StorageException.Reason.INVALID_REQUEST,
                "cannot %s on a read replica: it follows the primary's WAL and never writes", what);
    }

    /** Takes {@code timeline} for this compute unless it already has; returns the LSN writing continues after. */
    Lsn take(TimelineId timeline, Lsn start) {
        if (readOnly) {
            throw refusedOnReplica("take timeline " + timeline);
        }
        if (deleted.contains(timeline)) {
            throw StorageException.of(StorageException.Reason.NOT_FOUND, "timeline %s was deleted", timeline);
        }
        if (acquired.contains(timeline)) {
            return safekeepers.insertLsn(timeline);
        }
        synchronized (this) {
            if (acquired.contains(timeline)) {
                return safekeepers.insertLsn(timeline);
            }
            if (deleted.contains(timeline)) {
                throw StorageException.of(StorageException.Reason.NOT_FOUND, "timeline %s was deleted", timeline);
            }
            Lsn end = safekeepers.acquire(timeline, start);
            acquired.add(timeline);
            return end;
        }
    }

    /** The timeline, taken first unless this is a replica (which reads the quorum's committed end instead). */
    private TimelineId taken(TimelineId timeline) {
        if (!readOnly && !acquired.contains(timeline)) {
            take(timeline, startLsn.apply(timeline));
        }
        return timeline;
    }

    /**
     * Before a page read at {@code lsn}: the pageserver sees WAL only once the safekeepers committed it, so
     * records this compute appended and not yet shipped are flushed first (else the read would wait for a commit
     * that may never come, e.g. a large transaction re-reading a page it evicted).
     */
    void makeReadable(TimelineId timeline, Lsn lsn) {
        if (!acquired.contains(timeline) || !lsn.isAfter(safekeepers.durableLsn(timeline))) {
            return;
        }
        long start = System.nanoTime();
        try {
            safekeepers.flush(timeline, lsn).join();
            readFlushes.recordSince(start);
        } catch (CompletionException e) {
            throw e.getCause() instanceof StorageException s ? s : e;
        }
    }

    /** Makes everything this compute appended to {@code timeline} visible to the pageserver (nothing if not taken). */
    void makeAllReadable(TimelineId timeline) {
        if (acquired.contains(timeline)) {
            makeReadable(timeline, safekeepers.insertLsn(timeline));
        }
    }

    @Override
    public Lsn append(TimelineId timeline, WalRecord record) {
        if (readOnly) {
            throw refusedOnReplica("append WAL");
        }
        return safekeepers.append(taken(timeline), record);
    }

    @Override
    public List<Lsn> appendAll(TimelineId timeline, List<WalRecord> records) {
        if (readOnly) {
            throw refusedOnReplica("append WAL");
        }
        return safekeepers.appendAll(taken(timeline), records);
    }

    @Override
    public CompletableFuture<Lsn> flush(TimelineId timeline, Lsn upTo) {
        return safekeepers.flush(taken(timeline), upTo);
    }

    @Override
    public Lsn durableLsn(TimelineId timeline) {
        return safekeepers.durableLsn(taken(timeline));
    }

    @Override
    public Lsn insertLsn(TimelineId timeline) {
        return safekeepers.insertLsn(taken(timeline));
    }

    @Override
    public WalReader read(TimelineId timeline, Lsn from) {
        return safekeepers.read(taken(timeline), from);
    }

    /** The timeline was dropped: the safekeepers remove its WAL (members that are down keep theirs). */
    void delete(TimelineId timeline) {
        synchronized (this) {
            deleted.add(timeline);
            acquired.remove(timeline);
        }
        int gone = safekeepers.delete(timeline);
        int members = safekeepers.client().members().size();
        if (gone < members) {
            LOG.warn("timeline {} is deleted on {} of {} safekeepers; the others keep its WAL", timeline, gone, members);
        }
    }

    /** The generation this compute writes the timeline with (0: not taken). */
    long generation(TimelineId timeline) {
        return safekeepers.generation(timeline);
    }
}
