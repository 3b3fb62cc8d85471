package org.lakepg.storage.local.wal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.StorageException;

/**
 * Group commit. A committer that finds no fsync of its WAL running does the fsync itself, at once (the leader, as a
 * PostgreSQL backend takes WALWriteLock): no hand-off to another thread and back on the commit path. Requests that
 * arrive while an fsync is running go to the flusher thread, which serves all that queued up meanwhile with one
 * fsync after the running one — so N concurrent committers still cost about one fsync per round, not N.
 */
public final class GroupCommitFlusher implements AutoCloseable {

    private record Request(SegmentedWal wal, long upTo, CompletableFuture<Lsn> done) {
    }

    private static final Request STOP = new Request(null, 0, null);

    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong fsyncs = new AtomicLong();
    private volatile boolean closed;

    public GroupCommitFlusher(String name) {
        thread = Thread.ofPlatform().name(name).daemon(true).start(this::run);
    }

    /** Completes with the durable LSN once {@code upTo} (clamped to the insert LSN) is durable. */
    public CompletableFuture<Lsn> flush(SegmentedWal wal, long upTo) {
        long target = Math.min(upTo, wal.insertLsn());
        long durable = wal.durableLsn();
        if (target <= durable) {
            return CompletableFuture.completedFuture(Lsn.of(durable));
        }
        if (closed) {
            return CompletableFuture.failedFuture(new StorageException(StorageException.Reason.CLOSED, "storage is closed"));
        }
        if (wal.syncLock().tryLock()) {
            try {
                return completion(wal, target, syncNeeded(wal, target));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            } finally {
                wal.syncLock().unlock();
            }
        }
        CompletableFuture<Lsn> done = new CompletableFuture<>();
        queue.add(new Request(wal, target, done));
        return done;
    }

    /** Under the WAL's sync lock: fsyncs unless an fsync that just ended already covered {@code target}. */
    private long syncNeeded(SegmentedWal wal, long target) {
        long durable = wal.durableLsn();
        if (durable >= target) {
            return durable;
        }
        durable = wal.sync();
        fsyncs.incrementAndGet();
        return durable;
    }

    private static CompletableFuture<Lsn> completion(SegmentedWal wal, long target, long durable) {
        if (durable >= target) {
            return CompletableFuture.completedFuture(Lsn.of(durable));
        }
        return CompletableFuture.failedFuture(StorageException.of(StorageException.Reason.IO,
                "WAL flush reached only %s, not %s", Lsn.of(durable), Lsn.of(target)));
    }

    /** fsyncs done so far (for benchmarks: compare with the number of commits). */
    public long fsyncCount() {
        return fsyncs.get();
    }

    private void run() {
        List<Request> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch);
            boolean stop = batch.remove(STOP);
            Map<SegmentedWal, List<Request>> byWal = new IdentityHashMap<>();
            for (Request r : batch) {
                byWal.computeIfAbsent(r.wal(), w -> new ArrayList<>()).add(r);
            }
            for (Map.Entry<SegmentedWal, List<Request>> e : byWal.entrySet()) {
                SegmentedWal wal = e.getKey();
                wal.syncLock().lock();
                try {
                    long highest = e.getValue().stream().mapToLong(Request::upTo).max().orElse(0);
                    long durable = syncNeeded(wal, highest);
                    for (Request r : e.getValue()) {
                        if (durable >= r.upTo()) {
                            r.done().complete(Lsn.of(durable));
                        } else {
                            r.done().completeExceptionally(StorageException.of(StorageException.Reason.IO,
                                    "WAL flush reached only %s, not %s", Lsn.of(durable), Lsn.of(r.upTo())));
                        }
                    }
                } catch (RuntimeException ex) {
                    e.getValue().forEach(r -> r.done().completeExceptionally(ex));
                } finally {
                    wal.syncLock().unlock();
                }
            }
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    /** Serves what is queued, then stops the thread. */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
