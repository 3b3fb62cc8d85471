package org.lakepg.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.Patch;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.TransactionMarker;
import org.lakepg.storage.WalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers on a timeline and its branch, readers at random recent LSNs, and a thread that checkpoints, compacts and
 * collects garbage all run at once: every read either returns exactly what was written at its LSN or is refused
 * because the LSN fell below the GC horizon meanwhile.
 */
class ConcurrentMaintenanceTest {

    private static final int BLOCKS = 16;

    @TempDir
    Path dir;

    private record Written(long lsn, long value) {
    }

    private static WalRecord record(int relation, long i) {
        PageKey key = PageKey.main(relation, (int) (i % BLOCKS));
        byte[] value = ByteBuffer.allocate(8).putLong(i).array();
        return new WalRecord(List.of(new PagePatch(key, List.of(new Patch(0, value),
                new Patch(8 + (int) (i / BLOCKS % 400) * 8, value)))), TransactionMarker.commit(i, Instant.now()));
    }

    @Test
    void readsStayExactWhileLayersAreWrittenCompactedAndCollected() throws Exception {
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong verifiedReads = new AtomicLong();
        AtomicLong refusedReads = new AtomicLong();
        try (LocalStorage store = LocalStorage.open(new StorageConfig(dir, Map.of("background", "false",
                "image_after_deltas", "2", "image_delta_ratio", "0", "wal_segment_size", "65536")))) {
            store.timelines().setRetention(Duration.ZERO);
            TimelineId main = store.timelines().createTimeline("main").id();
            List<Written> mainWrites = new CopyOnWriteArrayList<>();
            for (long i = 0; i < 200; i++) {
                mainWrites.add(new Written(store.wal().append(main, record(1, i)).value(), i));
            }
            Lsn branchPoint = store.wal().insertLsn(main);
            TimelineId child = store.timelines().branch(main, branchPoint, "child").id();
            List<Written> childWrites = new CopyOnWriteArrayList<>();

            List<Thread> threads = new java.util.ArrayList<>();
            threads.add(writer(store, main, 1, 200, mainWrites, stop, failures));
            threads.add(writer(store, child, 2, 0, childWrites, stop, failures));
            threads.add(Thread.ofPlatform().start(() -> {
                Random random = new Random();
                while (!stop.get()) {
                    try {
                        store.checkpoint();
                        store.compact(random.nextInt(4) == 0);
                        store.collectGarbage(Instant.now().minusMillis(random.nextInt(50)));
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            }));
            for (int r = 0; r < 3; r++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    Random random = new Random();
                    while (!stop.get()) {
                        boolean onChild = random.nextBoolean();
                        List<Written> writes = onChild ? childWrites : mainWrites;
                        if (writes.size() < 10) {
                            continue;
                        }
                        Written w = writes.get(writes.size() - 1 - random.nextInt(Math.min(writes.size(), 300)));
                        TimelineId t = onChild ? child : main;
                        try {
                            byte[] page = store.pages().getPage(t, PageKey.main(onChild ? 2 : 1, (int) (w.value() % BLOCKS)), Lsn.of(w.lsn()));
                            ByteBuffer b = ByteBuffer.wrap(page);
                            assertThat(b.getLong(0)).isEqualTo(w.value());
                            assertThat(b.getLong(8 + (int) (w.value() / BLOCKS % 400) * 8)).isEqualTo(w.value());
                            if (onChild) {
                                // relation 1 on the child is main's as of the branch point, forever
                                byte[] inherited = store.pages().getPage(child, PageKey.main(1, 7), Lsn.of(w.lsn()));
                                assertThat(ByteBuffer.wrap(inherited).getLong(0)).isEqualTo(199 - (199 - 7) % BLOCKS);
                            }
                            verifiedReads.incrementAndGet();
                        } catch (StorageException e) {
                            if (!e.getMessage().contains("below the GC horizon")
                                    || w.lsn() >= store.gcHorizon(t).value()) {
                                failures.add(e);
                            }
                            refusedReads.incrementAndGet();
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            Thread.sleep(3000);
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
            if (!failures.isEmpty()) {
                AssertionError error = new AssertionError(failures.size() + " failures, first: " + failures.peek());
                failures.forEach(error::addSuppressed);
                throw error;
            }
            assertThat(verifiedReads.get()).isGreaterThan(100);
            System.out.printf("ConcurrentMaintenanceTest: %d reads verified, %d refused below the GC horizon, %d + %d writes%n",
                    verifiedReads.get(), refusedReads.get(), mainWrites.size(), childWrites.size());
        }
    }

    private static Thread writer(LocalStorage store, TimelineId t, int relation, long first, List<Written> out,
            AtomicBoolean stop, Queue<Throwable> failures) {
        return Thread.ofPlatform().start(() -> {
            try {
                for (long i = first; !stop.get(); i++) {
                    out.add(new Written(store.wal().append(t, record(relation, i)).value(), i));
                    if (i % 64 == 0) {
                        store.wal().flush(t, Lsn.MAX).join();
                    }
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        });
    }
}
