package org.lakepg.storage.cloud.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.lakepg.storage.FullPageImage;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.Page;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.WalRecord;
import org.lakepg.storage.cloud.pageserver.Pageserver;
import org.lakepg.storage.cloud.pageserver.PageserverConfig;
import org.lakepg.storage.cloud.rpc.PageserverClient;
import org.lakepg.storage.cloud.rpc.PageserverRpcServer;
import org.lakepg.storage.cloud.s3.S3ObjectStore;
import org.lakepg.storage.cloud.s3.S3ProxyServer;
import org.lakepg.storage.local.FileUtil;
import org.lakepg.storage.local.LocalStorage;

/**
 * GetPage@LSN over the pageserver RPC on loopback, run by hand (figures are printed, never asserted):
 * <pre>
 * java -cp &lt;test classpath&gt; org.lakepg.storage.cloud.bench.PageserverRpcBench [pages] [requests]
 * </pre>
 * 1. one request at a time: round-trip latency p50/p99; 2. pipelined GetPage with 1..256 requests in flight on the
 * one connection: pages/s; 3. GetPages batches of 32: pages/s; 4. the same reads in-process, without the network;
 * 5. ingestion following a writer, and the S3 bytes uploaded per WAL byte.
 * Pages are cached in the pageserver (the figures are of the RPC, not of page reconstruction).
 */
public final class PageserverRpcBench {

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path work = Files.createTempDirectory("lakepg-rpc-bench");
        try (S3ProxyServer s3 = S3ProxyServer.start(0, work.resolve("s3"));
             S3ObjectStore remote = new S3ObjectStore(s3.settings("bench"));
             LocalStorage source = LocalStorage.open(new StorageConfig(work.resolve("source"), Map.of("background", "false")))) {
            Timeline t = source.timelines().createTimeline("main");
            List<PageKey> keys = new ArrayList<>();
            for (int b = 0; b < pages; b++) {
                PageKey key = PageKey.main(1, b);
                byte[] image = new byte[Page.SIZE];
                Arrays.fill(image, 0, 4000, (byte) b);
                source.wal().append(t.id(), WalRecord.of(new FullPageImage(key, image)));
                keys.add(key);
            }
            Lsn lsn = source.wal().insertLsn(t.id());
            try (Pageserver ps = Pageserver.start(PageserverConfig.of(work.resolve("ps"))
                    .withIntervals(Duration.ofHours(1), Duration.ofHours(1)), source.wal(), remote);
                 PageserverRpcServer rpc = PageserverRpcServer.start(ps, "127.0.0.1", 0);
                 PageserverClient client = new PageserverClient("127.0.0.1", rpc.port(), Duration.ofSeconds(5), Duration.ofSeconds(60))) {
                client.createTimeline(t.id(), t.name());
                client.waitForLsn(t.id(), lsn, Duration.ofSeconds(60));
                System.out.printf("pageserver RPC bench: %d pages of one relation, %d requests per run, %d cores%n",
                        pages, requests, Runtime.getRuntime().availableProcessors());

                // warm up the JIT and the page cache
                for (int i = 0; i < 3; i++) {
                    pipelined(client, t, keys, lsn, requests / 4, 64);
                }
                sequential(client, t, keys, lsn, Math.min(requests, 20_000));
                for (int window : new int[] {1, 8, 32, 64, 256}) {
                    double perSecond = pipelined(client, t, keys, lsn, requests, window);
                    System.out.printf("  GetPage pipelined, %3d in flight: %,10.0f pages/s (%,.0f MiB/s)%n",
                            window, perSecond, perSecond * Page.SIZE / (1 << 20));
                }
                batched(client, t, keys, lsn, requests, 32);
                inProcess(ps, t, keys, lsn, requests);
                ingest(source, ps, client, t, pages);
            }
        } finally {
            FileUtil.deleteRecursively(work);
        }
    }

    private static void sequential(PageserverClient client, Timeline t, List<PageKey> keys, Lsn lsn, int n) {
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            client.getPage(t.id(), keys.get(i % keys.size()), lsn);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("  GetPage one at a time: p50 %.1f us, p99 %.1f us, max %.1f us (%,.0f pages/s)%n",
                nanos[n / 2] / 1e3, nanos[(int) (n * 0.99)] / 1e3, nanos[n - 1] / 1e3,
                n / (Arrays.stream(nanos).sum() / 1e9));
    }

    private static double pipelined(PageserverClient client, Timeline t, List<PageKey> keys, Lsn lsn, int n, int window)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(window);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            inFlight.acquire();
            CompletableFuture<byte[]> f = client.getPageAsync(t.id(), keys.get(i % keys.size()), lsn, lsn);
            f.whenComplete((page, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
                inFlight.release();
            });
        }
        inFlight.acquire(window);
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static void batched(PageserverClient client, Timeline t, List<PageKey> keys, Lsn lsn, int n, int batch) {
        long start = System.nanoTime();
        int done = 0;
        while (done < n) {
            int from = done % keys.size();
            List<PageKey> part = keys.subList(from, Math.min(keys.size(), from + batch));
            done += client.getPages(t.id(), part, lsn).size();
        }
        double perSecond = done / ((System.nanoTime() - start) / 1e9);
        System.out.printf("  GetPages batches of %d, one at a time: %,10.0f pages/s%n", batch, perSecond);
    }

    /** WAL appended to the source while the pageserver follows: how fast it catches up. */
    private static void ingest(LocalStorage source, Pageserver ps, PageserverClient client, Timeline t, int pages) {
        ps.checkpointAndUpload(); // so the upload below holds only this WAL
        int records = 50_000;
        long bytes = 0;
        long start = System.nanoTime();
        Lsn last = null;
        for (int i = 0; i < records; i++) {
            WalRecord r = WalRecord.of(org.lakepg.storage.PagePatch.of(PageKey.main(2, i % pages), (i * 16) % 8000, new byte[100]));
            bytes += org.lakepg.storage.WalRecordCodec.encode(r).length + org.lakepg.storage.WalRecordCodec.FRAME_OVERHEAD;
            last = source.wal().append(t.id(), r);
        }
        long appended = System.nanoTime();
        client.waitForLsn(t.id(), last, Duration.ofMinutes(5));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  ingest: %,d records (%,.1f MiB of WAL) appended in %.2f s, ingested %.2f s after the first:"
                        + " %,.0f records/s (%.1f MiB/s), lag at the end %.0f ms%n",
                records, bytes / 1048576.0, (appended - start) / 1e9, seconds, records / seconds,
                bytes / 1048576.0 / seconds, (System.nanoTime() - appended) / 1e6);
        long uploadedBefore = ps.bytesUploaded();
        long uploadStart = System.nanoTime();
        ps.checkpointAndUpload();
        System.out.printf("  upload: checkpoint + upload of that WAL took %.0f ms, %,.1f MiB to S3 = %.2f bytes per WAL byte%n",
                (System.nanoTime() - uploadStart) / 1e6, (ps.bytesUploaded() - uploadedBefore) / 1048576.0,
                (ps.bytesUploaded() - uploadedBefore) / (double) bytes);
    }

    private static void inProcess(Pageserver ps, Timeline t, List<PageKey> keys, Lsn lsn, int n) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            ps.getPage(t.id(), keys.get(i % keys.size()), lsn, lsn);
        }
        System.out.printf("  in-process (no network), one at a time: %,10.0f pages/s%n", n / ((System.nanoTime() - start) / 1e9));
    }
}
