package org.lakepg.storage.cloud.compute;

import java.nio.file.Path;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.ObjectStore;
import org.lakepg.storage.PageService;
import org.lakepg.storage.Storage;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TimelineService;
import org.lakepg.storage.WalService;
import org.lakepg.storage.cloud.metrics.Metrics;
import org.lakepg.storage.cloud.metrics.MetricsFile;
import org.lakepg.storage.cloud.rpc.PageserverClient;
import org.lakepg.storage.cloud.s3.S3ObjectStore;
import org.lakepg.storage.cloud.wal.SafekeeperWalService;
import org.lakepg.storage.local.objects.LocalDirectoryObjectStore;

/**
 * The compute's store in cloud mode: WAL on the safekeeper quorum, pages and timelines from the pageserver. It
 * keeps nothing durable of its own, so a compute started with an empty data directory continues with every
 * acknowledged commit. Opened for a read replica (storage option {@code replica=on}) it never takes a timeline on
 * the safekeepers, so it cannot fence the primary: it reads the quorum's committed end and pages at that LSN.
 */
public final class CloudStorage implements Storage {

    private final SafekeeperWalService safekeepers;
    private final PageserverClient pageserver;
    private final ComputeWal wal;
    private final PageService pages;
    private final TimelineService timelines;
    private final ObjectStore objects;
    private final Metrics metrics;
    private final MetricsFile metricsFile;

    private CloudStorage(SafekeeperWalService safekeepers, PageserverClient pageserver, ObjectStore objects,
            Metrics metrics, Path metricsPath, boolean replica) {
        this.metrics = metrics;
        this.safekeepers = safekeepers;
        this.pageserver = pageserver;
        this.objects = objects;
        this.wal = new ComputeWal(safekeepers,
                id -> pageserver.get(id).map(Timeline::branchLsn).orElseThrow(() -> StorageException.of(
                        StorageException.Reason.NOT_FOUND, "timeline %s does not exist", id)), metrics, replica);
        this.pages = new FlushingPageService(pageserver, wal, metrics);
        this.timelines = new CloudTimelines(pageserver, wal);
        this.metricsFile = MetricsFile.start(metrics, metricsPath, "compute", METRICS_LOG_SECONDS);
    }

    /** The file the compute's figures (commit latency, quorum rounds, pageserver reads) are published to. */
    public static final String METRICS_FILE = "cloud-metrics.properties";
    /** A summary of the compute's figures is logged this often while it works. */
    private static final int METRICS_LOG_SECONDS = 30;

    public static CloudStorage open(StorageConfig config) {
        CloudStorageOptions options = CloudStorageOptions.from(config);
        PageserverClient pageserver = PageserverClient.connect(options.pageserver());
        SafekeeperWalService safekeepers = null;
        Metrics metrics = new Metrics();
        try {
            safekeepers = SafekeeperWalService.over(options.walProtocol().connect(options.safekeepers()), metrics);
            ObjectStore objects = options.objects().<ObjectStore>map(S3ObjectStore::new)
                    .orElseGet(() -> new LocalDirectoryObjectStore(config.dataDir().resolve("objects")));
            return new CloudStorage(safekeepers, pageserver, objects, metrics, config.dataDir().resolve(METRICS_FILE),
                    options.replica());
        } catch (RuntimeException e) {
            if (safekeepers != null) {
                safekeepers.close();
            }
            pageserver.close();
            throw e;
        }
    }

    @Override
    public WalService wal() {
        return wal;
    }

    @Override
    public PageService pages() {
        return pages;
    }

    @Override
    public TimelineService timelines() {
        return timelines;
    }

    @Override
    public ObjectStore objects() {
        return objects;
    }

    /** The generation this compute writes a timeline with (0 if it has not touched it). */
    public long generation(org.lakepg.storage.TimelineId timeline) {
        return wal.generation(timeline);
    }

    /** This compute's figures (also published to {@link #METRICS_FILE} in the data directory every second). */
    public Metrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        metricsFile.close();
        try {
            safekeepers.close();
        } finally {
            pageserver.close();
            if (objects instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // nothing left to release that matters at shutdown
                }
            }
        }
    }
}
