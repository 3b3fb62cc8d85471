package org.lakepg.storage.local.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.lakepg.storage.FullPageImage;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.Page;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.TransactionMarker;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.local.FileUtil;
import org.lakepg.storage.local.LocalStorage;

/**
 * Benchmarks of the local store, run by hand (figures are printed, never asserted):
 * <pre>
 * java -cp &lt;test classpath&gt; org.lakepg.storage.local.bench.StorageBench [workDir] [gigabytes for the branch bench]
 * </pre>
 * 1. WAL append+flush with 1/4/16 committers (commits/s, fsyncs/s); 2. GetPage@LSN latency, cached and uncached,
 * with 0 and 100 deltas; 3. branch creation on a large store; 4. write amplification (disk bytes per logical byte).
 */
public final class StorageBench {

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory(args.length > 0 ? Path.of(args[0]) : Path.of(System.getProperty("java.io.tmpdir")), "lakepg-bench");
        double gigabytes = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        try {
            branchCreation(work.resolve("branch-small"), 0.01);
            groupCommit(work.resolve("wal"));
            getPageLatency(work.resolve("getpage"));
            branchCreation(work.resolve("branch"), gigabytes);
            writeAmplificationOfSmallPatches(work.resolve("wa"));
        } finally {
            FileUtil.deleteRecursively(work);
        }
    }

    private static LocalStorage open(Path dir, String... options) {
        Map<String, String> map = new java.util.HashMap<>();
        map.put("background", "false");
        for (int i = 0; i < options.length; i += 2) {
            map.put(options[i], options[i + 1]);
        }
        return LocalStorage.open(new StorageConfig(dir, map));
    }

    private static WalRecord smallCommit(long i) {
        byte[] tuple = new byte[100];
        Arrays.fill(tuple, (byte) i);
        return new WalRecord(List.of(PagePatch.of(PageKey.main(1, (int) (i % 1000)), (int) (i % 80) * 100, tuple)),
                TransactionMarker.commit(i, Instant.now()));
    }

    static void groupCommit(Path dir) throws Exception {
        System.out.println("== WAL append + flush (each commit waits for its fsync) ==");
        try (LocalStorage store = open(dir)) {
            TimelineId t = store.timelines().createTimeline("main").id();
            long appendStart = System.nanoTime();
            int appends = 200_000;
            for (int i = 0; i < appends; i++) {
                store.wal().append(t, smallCommit(i));
            }
            double appendSeconds = (System.nanoTime() - appendStart) / 1e9;
            System.out.printf("append only (1 thread, 100-byte patch + commit marker): %.0f records/s%n", appends / appendSeconds);
            store.wal().flush(t, Lsn.MAX).join();
            for (int committers : new int[] {1, 4, 16}) {
                LongAdder commits = new LongAdder();
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> threads = new ArrayList<>();
                long fsyncsBefore = store.fsyncCount();
                long start = System.nanoTime();
                for (int c = 0; c < committers; c++) {
                    threads.add(Thread.ofPlatform().start(() -> {
                        long i = 0;
                        while (!stop.get()) {
                            Lsn lsn = store.wal().append(t, smallCommit(i++));
                            store.wal().flush(t, lsn).join();
                            commits.increment();
                        }
                    }));
                }
                Thread.sleep(3000);
                stop.set(true);
                for (Thread thread : threads) {
                    thread.join();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long fsyncs = store.fsyncCount() - fsyncsBefore;
                System.out.printf("%2d committers: %8.0f commits/s  %7.0f fsyncs/s  %5.1f commits per fsync%n",
                        committers, commits.sum() / seconds, fsyncs / seconds, (double) commits.sum() / fsyncs);
            }
        }
    }

    static void getPageLatency(Path dir) {
        System.out.println("== GetPage@LSN latency (page in a delta layer file on disk; OS cache warm) ==");
        try (LocalStorage store = open(dir)) {
            TimelineId t = store.timelines().createTimeline("main").id();
            byte[] image = new byte[Page.SIZE];
            Arrays.fill(image, 0, 4000, (byte) 1);
            PageKey plain = PageKey.main(2, 0);
            PageKey patched = PageKey.main(2, 1);
            store.wal().append(t, WalRecord.of(new FullPageImage(plain, image)));
            store.wal().append(t, WalRecord.of(new FullPageImage(patched, image)));
            for (int i = 0; i < 100; i++) {
                store.wal().append(t, WalRecord.of(PagePatch.of(patched, i * 40, new byte[40])));
            }
            Lsn lsn = store.wal().insertLsn(t);
            store.checkpoint();
            for (PageKey key : List.of(plain, patched)) {
                String deltas = key.equals(plain) ? "0 deltas" : "100 deltas";
                System.out.printf("%-10s cached:   %s%n", deltas, latency(() -> store.pages().getPage(t, key, lsn), null));
                System.out.printf("%-10s uncached: %s%n", deltas, latency(() -> store.pages().getPage(t, key, lsn), store::clearPageCache));
            }
        }
    }

    private static String latency(Runnable op, Runnable before) {
        int n = 20_000;
        long[] nanos = new long[n];
        for (int warm = 0; warm < 2; warm++) {
            for (int i = 0; i < n; i++) {
                if (before != null) {
                    before.run();
                }
                long s = System.nanoTime();
                op.run();
                nanos[i] = System.nanoTime() - s;
            }
        }
        Arrays.sort(nanos);
        return String.format("p50 %6.1f us  p99 %6.1f us  mean %6.1f us", nanos[n / 2] / 1e3, nanos[n * 99 / 100] / 1e3,
                Arrays.stream(nanos).average().orElse(0) / 1e3);
    }

    static void branchCreation(Path dir, double gigabytes) {
        int pages = (int) (gigabytes * (1L << 30) / Page.SIZE);
        System.out.printf("== Branch creation on a %.1f GB store (%d pages written as full images) ==%n", gigabytes, pages);
        try (LocalStorage store = open(dir, "layer_size", Long.toString(256L << 20))) {
            TimelineId t = store.timelines().createTimeline("main").id();
            long start = System.nanoTime();
            byte[] image = new byte[Page.SIZE];
            List<WalRecord> batch = new ArrayList<>();
            for (int p = 0; p < pages; p++) {
                Arrays.fill(image, (byte) p);
                batch.add(WalRecord.of(new FullPageImage(PageKey.main(3, p), image.clone())));
                if (batch.size() == 64) {
                    store.wal().appendAll(t, batch);
                    batch.clear();
                }
                if (p % 32768 == 32767) {
                    store.checkpoint();
                }
            }
            if (!batch.isEmpty()) {
                store.wal().appendAll(t, batch);
            }
            store.wal().flush(t, Lsn.MAX).join();
            store.checkpoint();
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            long walBytes = store.wal().insertLsn(t).value();
            long logical = (long) pages * Page.SIZE;
            System.out.printf("load: %.1f s (%.0f MB/s); WAL %d MB + layers %d MB written for %d MB of pages: write amplification %.2f%n",
                    loadSeconds, logical / 1e6 / loadSeconds, walBytes >> 20, store.layerBytesWritten() >> 20, logical >> 20,
                    (double) (walBytes + store.layerBytesWritten()) / logical);
            long[] nanos = new long[20];
            for (int i = 0; i < nanos.length; i++) {
                long s = System.nanoTime();
                store.timelines().branch(t, null, "branch-" + i);
                nanos[i] = System.nanoTime() - s;
            }
            Arrays.sort(nanos);
            System.out.printf("branch creation (20 branches): median %.2f ms, max %.2f ms%n", nanos[10] / 1e6, nanos[19] / 1e6);
            TimelineId child = store.timelines().byName("branch-0").orElseThrow().id();
            int probe = pages / 2 + 3;
            byte[] page = store.pages().getPage(child, PageKey.main(3, probe), store.wal().insertLsn(child));
            System.out.printf("read through the branch: page %d starts with %d (expected %d)%n", probe, page[0], (byte) probe);
        }
    }

    static void writeAmplificationOfSmallPatches(Path dir) {
        System.out.println("== Write amplification of 100-byte patches over 10,000 pages (checkpoints + image layers) ==");
        try (LocalStorage store = open(dir, "image_after_deltas", "4")) {
            TimelineId t = store.timelines().createTimeline("main").id();
            long logical = 0;
            byte[] tuple = new byte[100];
            for (long i = 0; i < 400_000; i++) {
                Arrays.fill(tuple, (byte) i);
                store.wal().append(t, WalRecord.of(PagePatch.of(PageKey.main(4, (int) (i % 10_000)), (int) (i % 80) * 100, tuple)));
                logical += tuple.length;
                if (i % 50_000 == 49_999) {
                    store.checkpoint();
                    store.compact(false);
                }
            }
            store.wal().flush(t, Lsn.MAX).join();
            long wal = store.wal().insertLsn(t).value();
            System.out.printf("logical %d MB; WAL %d MB (%.2fx); layers %d MB (%.2fx); total %.2fx%n",
                    logical >> 20, wal >> 20, (double) wal / logical, store.layerBytesWritten() >> 20,
                    (double) store.layerBytesWritten() / logical, (double) (wal + store.layerBytesWritten()) / logical);
        }
    }

    private StorageBench() {
    }
}
