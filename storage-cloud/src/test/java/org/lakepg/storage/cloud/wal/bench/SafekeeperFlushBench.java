package org.lakepg.storage.cloud.wal.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.PagePatch;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.TransactionMarker;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.WalService;
import org.lakepg.storage.cloud.safekeeper.SafekeeperQuorum;
import org.lakepg.storage.cloud.wal.SafekeeperWalService;
import org.lakepg.storage.local.FileUtil;
import org.lakepg.storage.local.LocalStorage;

/**
 * Commit latency and throughput of the WAL, run by hand (figures are printed, never asserted):
 * <pre>
 * java -cp &lt;storage-cloud test classpath&gt; org.lakepg.storage.cloud.wal.bench.SafekeeperFlushBench [workDir] [seconds per run]
 * </pre>
 * Each committer appends a small commit (100-byte patch + commit marker) and waits for its flush, with 1, 4 and 16
 * committers: storage-local (one fsync per group commit) against three safekeepers in this JVM (a majority of
 * Raft-log fsyncs per round, over loopback).
 */
public final class SafekeeperFlushBench {

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory(args.length > 0 ? Path.of(args[0]) : Path.of(System.getProperty("java.io.tmpdir")), "lakepg-skbench");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try {
            System.out.println("== WAL append + flush: each commit waits for its flush ==");
            System.out.printf("%-28s %10s %12s %10s %10s %14s%n", "store", "committers", "commits/s", "p50 ms", "p99 ms", "commits/round");
            try (LocalStorage local = LocalStorage.open(new StorageConfig(work.resolve("local"), Map.of("background", "false")))) {
                TimelineId t = local.timelines().createTimeline("main").id();
                for (int committers : new int[] {1, 4, 16}) {
                    run("local (fsync)", local.wal(), t, committers, seconds, local::fsyncCount);
                }
            }
            try (SafekeeperQuorum quorum = SafekeeperQuorum.start(work.resolve("safekeepers"))) {
                for (int inFlight : new int[] {4, 1, 4, 1}) {
                    try (SafekeeperWalService wal = SafekeeperWalService.connect(quorum.addresses(), null, inFlight)) {
                        TimelineId t = TimelineId.random();
                        wal.acquire(t, Lsn.INVALID);
                        run("warm-up", wal, t, 4, 2, () -> wal.rounds(t));
                        for (int committers : new int[] {1, 4, 16}) {
                            run("3 safekeepers, " + inFlight + " in flight", wal, t, committers, seconds, () -> wal.rounds(t));
                        }
                    }
                }
            }
        } finally {
            FileUtil.deleteRecursively(work);
        }
    }

    private static WalRecord smallCommit(long i) {
        byte[] tuple = new byte[100];
        Arrays.fill(tuple, (byte) i);
        return new WalRecord(List.of(PagePatch.of(PageKey.main(1, (int) (i % 1000)), (int) (i % 80) * 100, tuple)),
                TransactionMarker.commit(i, Instant.now()));
    }

    private static void run(String name, WalService wal, TimelineId t, int committers, int seconds, LongSupplier rounds)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[committers];
        List<Thread> threads = new ArrayList<>();
        long roundsBefore = rounds.getAsLong();
        for (int c = 0; c < committers; c++) {
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            int index = c;
            threads.add(Thread.ofPlatform().start(() -> {
                int n = 0;
                while (!stop.get() && n < mine.length) {
                    long start = System.nanoTime();
                    Lsn lsn = wal.append(t, smallCommit(n + index * 10_000_000L));
                    wal.flush(t, lsn).join();
                    mine[n++] = System.nanoTime() - start;
                }
                counts[index] = n;
            }));
        }
        long started = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < committers; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        if (total == 0) {
            System.out.printf("%-28s %10d: no commit completed%n", name, committers);
            return;
        }
        Arrays.sort(all);
        long roundsUsed = Math.max(1, rounds.getAsLong() - roundsBefore);
        System.out.printf("%-28s %10d %12.0f %10.2f %10.2f %14.1f%n", name, committers, total / elapsed,
                all[total / 2] / 1e6, all[Math.min(total - 1, (int) (total * 0.99))] / 1e6, (double) total / roundsUsed);
    }
}
