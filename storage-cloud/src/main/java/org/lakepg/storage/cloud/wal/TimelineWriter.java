package org.lakepg.storage.cloud.wal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalEntry;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.WalRecordCodec;
import org.lakepg.storage.cloud.metrics.LatencyHistogram;
import org.lakepg.storage.cloud.metrics.Metrics;
import org.lakepg.storage.cloud.safekeeper.QuorumSettings;
import org.lakepg.storage.cloud.safekeeper.SafekeeperReply;
import org.lakepg.storage.cloud.safekeeper.SafekeeperRequest;

/**
 * The compute's side of one timeline it owns (a generation it acquired): appends get LSNs at once and wait in a
 * buffer; flushes are served by rounds — one Raft entry with everything buffered so far. A flush that needs records
 * not yet shipped starts a round unless {@code maxRoundsInFlight} are already on their way; then it waits and
 * shares the next round with every flush that arrives meanwhile (group commit over the quorum). Rounds are sent in
 * order on one Ratis client, so they reach the Raft log in LSN order.
 */
final class TimelineWriter {

    private record Pending(long lsn, byte[] payload, WalRecord record) {
    }

    private record Waiter(long upTo, CompletableFuture<Lsn> done) {
    }

    /** One Raft entry prepared for the quorum and its WAL payload size. */
    private record Round(SafekeeperRequest.Append append, long bytes) {
    }

    private final TimelineId timeline;
    private final long generation;
    private final WalQuorum client;
    private final WalAppendListener listener;
    /**
     * Sends the rounds prepared when an earlier one completed: never on a Ratis client thread, which may hold the
     * client's sliding-window lock that sending needs (calling back into the client from it deadlocked). A quorum
     * that {@linkplain WalQuorum#appendsFromReplyThread allows it} gets them from its reply thread instead.
     */
    private final Executor completions;
    private final int maxRoundsInFlight;
    private final ReentrantLock lock = new ReentrantLock();
    /** Records not yet known durable, in LSN order; guarded by lock. */
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final PriorityQueue<Waiter> waiters = new PriorityQueue<>((a, b) -> Long.compare(a.upTo(), b.upTo()));
    /** Rounds prepared but not yet handed to the client, in LSN order; guarded by lock. */
    private final ArrayDeque<Round> toSend = new ArrayDeque<>();
    /** Held while handing rounds to the client, so they reach it (and the Raft log) in the order prepared. */
    private final Object sendOrder = new Object();
    private long insertLsn;
    private long shippedUpTo;
    private int roundsInFlight;
    private volatile long durableLsn;
    /** Set once the timeline was taken over (or the LSN chain broke): nothing more is accepted. */
    private StorageException failure;
    private long rounds;
    private final LatencyHistogram roundTrips;
    private final LatencyHistogram flushWaits;
    private final LongAdder shippedBytes;
    private final LongAdder shippedRounds;

    TimelineWriter(TimelineId timeline, long generation, Lsn endLsn, WalQuorum client, WalAppendListener listener,
            Executor completions, int maxRoundsInFlight, Metrics metrics) {
        this.roundTrips = metrics.histogram("quorum_round");
        this.flushWaits = metrics.histogram("commit_flush");
        this.shippedBytes = metrics.counter("wal_bytes_shipped");
        this.shippedRounds = metrics.counter("quorum_rounds");
        this.timeline = timeline;
        this.completions = completions;
        this.maxRoundsInFlight = maxRoundsInFlight;
        this.generation = generation;
        this.client = client;
        this.listener = listener;
        this.insertLsn = endLsn.value();
        this.shippedUpTo = endLsn.value();
        this.durableLsn = endLsn.value();
    }

    long generation() {
        return generation;
    }

    List<Lsn> append(List<WalRecord> records) {
        List<byte[]> encoded = new ArrayList<>(records.size());
        for (WalRecord r : records) {
            encoded.add(WalRecordCodec.encode(r));
        }
        List<Lsn> lsns = new ArrayList<>(records.size());
        List<WalEntry> entries = listener == null ? null : new ArrayList<>(records.size());
        lock.lock();
        try {
            if (failure != null) {
                throw rethrown(failure);
            }
            long position = insertLsn;
            for (int i = 0; i < records.size(); i++) {
                position += WalRecordCodec.FRAME_OVERHEAD + encoded.get(i).length;
                pending.add(new Pending(position, encoded.get(i), records.get(i)));
                lsns.add(Lsn.of(position));
                if (entries != null) {
                    entries.add(new WalEntry(Lsn.of(position), records.get(i)));
                }
            }
            insertLsn = position;
            if (listener != null) {
                listener.appended(timeline, entries); // under the lock, so listeners see appends in LSN order
            }
        } finally {
            lock.unlock();
        }
        return lsns;
    }

    CompletableFuture<Lsn> flush(Lsn upTo) {
        CompletableFuture<Lsn> done = new CompletableFuture<>();
        lock.lock();
        try {
            if (failure != null) {
                return CompletableFuture.failedFuture(rethrown(failure));
            }
            long target = Math.min(upTo.value(), insertLsn);
            if (target <= durableLsn) {
                return CompletableFuture.completedFuture(Lsn.of(durableLsn));
            }
            long asked = System.nanoTime();
            done.whenComplete((lsn, error) -> flushWaits.recordSince(asked));
            waiters.add(new Waiter(target, done));
            prepareRoundLocked();
        } finally {
            lock.unlock();
        }
        sendPrepared();
        return done;
    }

    /** Prepares everything not yet shipped as one Raft entry, if a waiting flush needs it and the pipeline has room. */
    private void prepareRoundLocked() {
        if (roundsInFlight >= maxRoundsInFlight || failure != null || !waitsForUnshipped()) {
            return;
        }
        List<byte[]> payloads = new ArrayList<>();
        long bytes = 0;
        long end = shippedUpTo;
        for (Pending p : pending) {
            if (p.lsn() <= shippedUpTo) {
                continue;
            }
            if (!payloads.isEmpty() && bytes + p.payload().length > QuorumSettings.MAX_ENTRY_BYTES) {
                break;
            }
            payloads.add(p.payload());
            bytes += p.payload().length;
            end = p.lsn();
        }
        if (payloads.isEmpty()) {
            return;
        }
        toSend.add(new Round(new SafekeeperRequest.Append(timeline, generation, Lsn.of(shippedUpTo), payloads), bytes));
        shippedUpTo = end;
        roundsInFlight++;
        rounds++;
    }

    private boolean waitsForUnshipped() {
        for (Waiter w : waiters) {
            if (w.upTo() > shippedUpTo) {
                return true;
            }
        }
        return false;
    }

    /** Hands prepared rounds to the client outside the writer's lock, in the order they were prepared. */
    private void sendPrepared() {
        synchronized (sendOrder) {
            while (true) {
                Round round;
                lock.lock();
                try {
                    round = toSend.poll();
                } finally {
                    lock.unlock();
                }
                if (round == null) {
                    return;
                }
                long sent = System.nanoTime();
                shippedRounds.increment();
                shippedBytes.add(round.bytes());
                // Completed on the Ratis reply thread: the waiters' futures only wake sessions blocked in join(),
                // and skipping a hand-off to another thread takes one wake-up off every commit's latency. Sending
                // the next round is what must not happen on that thread (see roundDone).
                client.append(round.append()).whenComplete((reply, error) -> {
                    roundTrips.recordSince(sent);
                    roundDone(reply, error);
                });
            }
        }
    }

    private void roundDone(SafekeeperReply reply, Throwable error) {
        List<Waiter> completed = new ArrayList<>();
        List<Waiter> failed = new ArrayList<>();
        StorageException failedWith = null;
        lock.lock();
        try {
            roundsInFlight--;
            if (reply instanceof SafekeeperReply.Appended appended) {
                durableLsn = Math.max(durableLsn, appended.endLsn().value());
                while (!pending.isEmpty() && pending.peek().lsn() <= durableLsn) {
                    pending.poll();
                }
                while (!waiters.isEmpty() && waiters.peek().upTo() <= durableLsn) {
                    completed.add(waiters.poll());
                }
            } else {
                failedWith = error != null ? asStorageException(error) : SafekeeperClient.failure(reply);
                if (failedWith instanceof GenerationFencedException || reply instanceof SafekeeperReply.Rejected) {
                    // Permanent: the LSN chain of this generation is over. Unflushed records are discarded.
                    failure = failedWith;
                    pending.clear();
                    roundsInFlight -= toSend.size();
                    toSend.clear();
                } else if (roundsInFlight == 0) {
                    shippedUpTo = durableLsn; // resend; the safekeepers skip what they already applied
                }
                failed.addAll(waiters);
                waiters.clear();
            }
            prepareRoundLocked();
        } finally {
            lock.unlock();
        }
        Lsn durable = Lsn.of(durableLsn);
        completed.forEach(w -> w.done().complete(durable));
        for (Waiter w : failed) {
            w.done().completeExceptionally(rethrown(failedWith));
        }
        if (hasPrepared()) {
            if (client.appendsFromReplyThread()) {
                sendPrepared(); // the group commit's next round leaves at once, with no thread hand-off
            } else {
                completions.execute(this::sendPrepared);
            }
        }
    }

    private boolean hasPrepared() {
        lock.lock();
        try {
            return !toSend.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    private static StorageException asStorageException(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return cause instanceof StorageException s ? s
                : new StorageException(StorageException.Reason.IO, "WAL flush to the safekeepers failed: " + cause, cause);
    }

    /** A fresh exception of the same kind, so each caller's stack trace shows where it was refused. */
    private static StorageException rethrown(StorageException e) {
        if (e instanceof GenerationFencedException) {
            return new GenerationFencedException(e.getMessage());
        }
        return new StorageException(e.reason(), e.getMessage(), e);
    }

    Lsn durableLsn() {
        return Lsn.of(durableLsn);
    }

    Lsn insertLsn() {
        lock.lock();
        try {
            return Lsn.of(insertLsn);
        } finally {
            lock.unlock();
        }
    }

    long rounds() {
        lock.lock();
        try {
            return rounds;
        } finally {
            lock.unlock();
        }
    }

    /** What a read needs: the durable LSN and, after it, the records only this compute has so far. */
    record ReadView(Lsn durable, List<WalEntry> notDurable) {
    }

    ReadView readView() {
        lock.lock();
        try {
            List<WalEntry> tail = new ArrayList<>(pending.size());
            Iterator<Pending> it = pending.iterator();
            while (it.hasNext()) {
                Pending p = it.next();
                if (p.lsn() > durableLsn) {
                    tail.add(new WalEntry(Lsn.of(p.lsn()), p.record()));
                }
            }
            return new ReadView(Lsn.of(durableLsn), tail);
        } finally {
            lock.unlock();
        }
    }

    /** Fails waiting flushes; used on close. */
    void fail(StorageException why) {
        List<Waiter> failed;
        lock.lock();
        try {
            if (failure == null) {
                failure = why;
            }
            failed = new ArrayList<>(waiters);
            waiters.clear();
        } finally {
            lock.unlock();
        }
        failed.forEach(w -> w.done().completeExceptionally(rethrown(why)));
    }
}
