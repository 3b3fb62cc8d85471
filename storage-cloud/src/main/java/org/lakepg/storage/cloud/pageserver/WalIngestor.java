package org.lakepg.storage.cloud.pageserver;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalEntry;
import org.lakepg.storage.WalReader;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.WalService;
import org.lakepg.storage.cloud.metrics.Metrics;
import org.lakepg.storage.cloud.wal.FramedWalReader;
import org.lakepg.storage.local.LocalStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one timeline's WAL from the source (safekeepers, or any {@link WalService}) into the pageserver's local
 * layered store, on its own virtual thread. Appending the same records in the same order gives the same LSNs
 * (LSN = previous + frame overhead + encoded length in every store), which is checked record by record: a gap or a
 * divergence stops ingestion of the timeline rather than serve wrong pages. Between polls it sleeps, longer the longer
 * the timeline stays idle, and a reader waiting for an LSN wakes it at once.
 */
final class WalIngestor {

    private static final Logger LOG = LoggerFactory.getLogger(WalIngestor.class);
    private static final int BATCH = 256;
    private static final long MIN_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** The first pauses once a timeline falls idle, and the pause after a failed read of the source. */
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /**
     * The longest pause on an idle timeline. A poll of the safekeepers in proposer mode asks its preferred member
     * and, finding nothing there, every member (about 4 requests); three timelines polled every 50 ms cost an idle
     * pageserver ~1 s of CPU per 40 s plus the safekeepers' share. Backing off to this costs no read: a reader
     * waiting for an LSN wakes the loop at once and it then polls every millisecond until the WAL is there.
     */
    private static final long MAX_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(800);
    /**
     * Pause after a poll that found WAL, unless a reader wants WAL now: a source over the network (the safekeepers)
     * pays a round trip on its leader per poll, and polling a busy timeline back to back took CPU from the very
     * quorum rounds the compute's commits wait for (single-client commits ran ~1.8x faster with the pageserver
     * paused). A reader waiting for WAL wakes the loop at once, so the pause never delays a GetPage. At 10 ms the
     * pageserver still sent the leader ~100 reads a second during pgbench (one per commit or so, measured with
     * the metrics of scripts/cluster-bench); 50 ms batches five times as many commits per read.
     */
    private static final long BUSY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final TimelineId timeline;
    private final WalService source;
    private final LocalStorage local;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when WAL was ingested (readers wait on it) and when a reader wants WAL now (the loop waits on it). */
    private final Condition progressed = lock.newCondition();
    private final Condition wanted = lock.newCondition();
    private final Thread thread;
    private volatile long ingested;
    private volatile long wantedLsn;
    private volatile boolean stopped;
    private volatile StorageException failure;

    private final LongAdder ingestedBytes;
    private final LongAdder polls;

    WalIngestor(TimelineId timeline, WalService source, LocalStorage local, Metrics metrics) {
        this.ingestedBytes = metrics.counter("wal_bytes_ingested");
        this.polls = metrics.counter("ingest_polls");
        this.timeline = timeline;
        this.source = source;
        this.local = local;
        this.ingested = local.wal().insertLsn(timeline).value();
        this.thread = Thread.ofVirtual().name("lakepg-ingest-" + timeline).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    Lsn ingestedLsn() {
        return Lsn.of(ingested);
    }

    private void run() {
        long idle = MIN_IDLE_NANOS;
        int failures = 0;
        while (!stopped) {
            int got; // records ingested; -1: the source failed
            try {
                got = pollOnce();
                failures = 0;
            } catch (StorageException e) {
                if (stopped) {
                    return;
                }
                if (e.reason() == StorageException.Reason.CORRUPTED) {
                    failure = e;
                    LOG.error("ingestion of timeline {} stopped: {}", timeline, e.getMessage());
                    signalProgress();
                    return;
                }
                if (failures++ % 100 == 0) {
                    LOG.warn("reading WAL of timeline {} from the source failed, retrying: {}", timeline, e.getMessage());
                }
                got = -1;
                idle = IDLE_NANOS * 5;
            } catch (RuntimeException e) {
                failure = new StorageException(StorageException.Reason.IO, "ingestion of timeline " + timeline + " failed: " + e, e);
                LOG.error("ingestion of timeline {} stopped", timeline, e);
                signalProgress();
                return;
            }
            if (got > 0) {
                // the next commit is a commit round away: polling sooner would mostly find nothing
                idle = IDLE_NANOS;
                lock.lock();
                try {
                    if (!stopped && wantedLsn <= ingested) {
                        wanted.awaitNanos(BUSY_PAUSE_NANOS);
                    }
                } catch (InterruptedException e) {
                    return;
                } finally {
                    lock.unlock();
                }
                continue;
            }
            lock.lock();
            try {
                if (!stopped) {
                    // a reader waits for WAL the source does not have yet: look again soon, but never spin
                    wanted.awaitNanos(got == 0 && wantedLsn > ingested ? MIN_IDLE_NANOS : idle);
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            idle = Math.min(idle * 2, MAX_IDLE_NANOS);
        }
    }

    /** Reads what the source has after what was ingested and applies it; returns how many records. */
    private int pollOnce() {
        polls.increment();
        if (!source.insertLsn(timeline).isAfter(Lsn.of(ingested))) {
            return 0; // nothing new: skip opening a reader, which may cost file reads or a round trip
        }
        int count = 0;
        try (WalReader reader = source.read(timeline, Lsn.of(ingested))) {
            FramedWalReader framed = reader instanceof FramedWalReader f ? f : null;
            List<WalEntry> batch = new ArrayList<>(BATCH);
            List<byte[]> payloads = new ArrayList<>(BATCH); // as received, while every entry came with its bytes
            while (reader.hasNext() && !stopped) {
                batch.add(reader.next());
                byte[] payload = framed == null ? null : framed.lastPayload();
                if (payload != null && payloads.size() == batch.size() - 1) {
                    payloads.add(payload);
                }
                if (batch.size() == BATCH) {
                    count += apply(batch, payloads);
                    batch.clear();
                    payloads.clear();
                }
            }
            count += apply(batch, payloads);
        }
        return count;
    }

    /** Appends a batch to the local store, reusing the received encodings if there is one for every record. */
    private int apply(List<WalEntry> batch, List<byte[]> payloads) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<WalRecord> records = new ArrayList<>(batch.size());
        for (WalEntry e : batch) {
            records.add(e.record());
        }
        List<Lsn> assigned = payloads.size() == records.size()
                ? local.appendEncoded(timeline, records, payloads)
                : local.wal().appendAll(timeline, records);
        for (int i = 0; i < batch.size(); i++) {
            if (!assigned.get(i).equals(batch.get(i).lsn())) {
                throw StorageException.of(StorageException.Reason.CORRUPTED,
                        "WAL of timeline %s diverged: the source's record at %s was ingested at %s",
                        timeline, batch.get(i).lsn(), assigned.get(i));
            }
        }
        long end = assigned.get(assigned.size() - 1).value();
        ingestedBytes.add(end - ingested);
        ingested = end;
        signalProgress();
        return batch.size();
    }

    private void signalProgress() {
        lock.lock();
        try {
            progressed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until WAL up to {@code lsn} is ingested (waking the loop to fetch it now); returns the ingested LSN.
     * Fails after {@code timeoutNanos}, or at once if ingestion stopped on an error.
     */
    Lsn awaitLsn(Lsn lsn, long timeoutNanos) {
        long target = lsn.value();
        if (ingested >= target) {
            return Lsn.of(ingested);
        }
        long deadline = System.nanoTime() + timeoutNanos;
        lock.lock();
        try {
            wantedLsn = Math.max(wantedLsn, target);
            wanted.signal();
            while (ingested < target) {
                if (failure != null) {
                    throw failure;
                }
                if (stopped) {
                    throw StorageException.of(StorageException.Reason.CLOSED, "pageserver is shutting down");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw StorageException.of(StorageException.Reason.IO,
                            "timed out waiting for WAL up to %s of timeline %s (ingested up to %s)",
                            lsn, timeline, Lsn.of(ingested));
                }
                progressed.awaitNanos(left);
            }
            return Lsn.of(ingested);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StorageException.of(StorageException.Reason.CLOSED, "interrupted waiting for WAL of timeline %s", timeline);
        } finally {
            lock.unlock();
        }
    }

    void stop() {
        stopped = true;
        lock.lock();
        try {
            wanted.signalAll();
            progressed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
