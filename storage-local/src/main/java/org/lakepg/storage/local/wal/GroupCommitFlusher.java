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
 * Group commit: one thread serves every flush request. Requests that arrive while an fsync is running wait for the
 * next round and are then served together by a single fsync per WAL — so N concurrent committers cost about one
 * fsync per round, not N.
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
        CompletableFuture<Lsn> done = new CompletableFuture<>();
        queue.add(new Request(wal, target, done));
        return done;
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
                try {
                    long durable = e.getKey().sync();
                    fsyncs.incrementAndGet();
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
