package org.lakepg.storage.local;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.lakepg.storage.ObjectStore;
import org.lakepg.storage.PageService;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.Storage;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.TimelineService;
import org.lakepg.storage.WalService;
import org.lakepg.storage.local.objects.LocalDirectoryObjectStore;
import org.lakepg.storage.local.timeline.CheckpointFiles;
import org.lakepg.storage.local.timeline.Checkpointer;
import org.lakepg.storage.local.timeline.Compactor;
import org.lakepg.storage.local.timeline.GarbageCollector;
import org.lakepg.storage.local.timeline.PageReconstructor;
import org.lakepg.storage.local.timeline.TimelineRegistry;
import org.lakepg.storage.local.timeline.TimelineStore;
import org.lakepg.storage.local.wal.GroupCommitFlusher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: wires the WAL flusher, timelines, page reconstruction and background maintenance
 * (checkpoint when the in-memory layer is full, then image compaction and GC). One process per data directory,
 * enforced with a file lock.
 */
public final class LocalStorage implements Storage {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStorage.class);

    private final Path dataDir;
    private final StoreOptions options;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final GroupCommitFlusher flusher;
    private final TimelineRegistry registry;
    private final PageReconstructor pages;
    private final Checkpointer checkpointer;
    private final Compactor compactor;
    private final GarbageCollector gc;
    private final ScheduledExecutorService maintenance;
    private final Set<TimelineStore> checkpointPending = ConcurrentHashMap.newKeySet();
    private final WalService walService = new LocalWalService(this);
    private final PageService pageService = new LocalPageService(this);
    private final TimelineService timelineService = new LocalTimelineService(this);
    private final ObjectStore objects;
    private volatile Duration retention;
    private volatile boolean closed;

    private LocalStorage(Path dataDir, StoreOptions options, FileChannel lockChannel, FileLock lock) {
        this.dataDir = dataDir;
        this.options = options;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.flusher = new GroupCommitFlusher("lakepg-wal-flusher");
        this.pages = new PageReconstructor(options.pageCacheBytes());
        this.checkpointer = new Checkpointer(flusher);
        this.compactor = new Compactor(pages, checkpointer);
        this.gc = new GarbageCollector(checkpointer);
        this.objects = new LocalDirectoryObjectStore(dataDir.resolve("objects"));
        try {
            this.retention = readRetention(dataDir, options.defaultRetention());
            this.registry = TimelineRegistry.open(dataDir, options, flusher);
        } catch (RuntimeException e) {
            flusher.close();
            throw e;
        }
        if (options.background()) {
            maintenance = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform()
                    .name("lakepg-storage-maintenance").daemon(true).unstarted(r));
            maintenance.scheduleWithFixedDelay(this::periodicMaintenance, 1, 1, TimeUnit.MINUTES);
        } else {
            maintenance = null;
        }
    }

    public static LocalStorage open(StorageConfig config) {
        StoreOptions options = StoreOptions.from(config);
        Path dataDir = config.dataDir();
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(dataDir.resolve("store.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw StorageException.of(StorageException.Reason.INVALID_REQUEST,
                        "data directory %s is in use by another process", dataDir);
            }
            return new LocalStorage(dataDir, options, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw StorageException.of(StorageException.Reason.INVALID_REQUEST, "data directory %s is already open", dataDir);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StorageException(StorageException.Reason.IO, "could not open " + dataDir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    @Override
    public WalService wal() {
        return walService;
    }

    @Override
    public PageService pages() {
        return pageService;
    }

    @Override
    public TimelineService timelines() {
        return timelineService;
    }

    @Override
    public ObjectStore objects() {
        return objects;
    }

    TimelineStore timeline(TimelineId id) {
        if (closed) {
            throw new StorageException(StorageException.Reason.CLOSED, "storage is closed");
        }
        return registry.get(id);
    }

    TimelineRegistry registry() {
        return registry;
    }

    GroupCommitFlusher flusher() {
        return flusher;
    }

    PageReconstructor pageReconstructor() {
        return pages;
    }

    /**
     * Starts a background checkpoint once the in-memory layer outgrows {@code layer_size}; if the background falls
     * behind and it reaches four times that, the appender checkpoints itself, which bounds memory.
     */
    void afterAppend(TimelineStore t) {
        if (maintenance == null) {
            return;
        }
        long bytes = t.layers().open().approximateBytes();
        if (bytes > 4 * options.layerSize()) {
            checkpointer.checkpoint(t);
            return;
        }
        if (bytes > options.layerSize() && checkpointPending.add(t)) {
            maintenance.execute(() -> {
                checkpointPending.remove(t);
                try {
                    checkpointer.checkpoint(t);
                    compactor.compact(t, false);
                    synchronized (registry.lifecycleLock()) {
                        gc.collect(t, Instant.now(), retention);
                    }
                } catch (RuntimeException e) {
                    LOG.error("background checkpoint of timeline {} failed", t, e);
                }
            });
        }
    }

    // ---- maintenance entry points (background thread, tests, benchmarks, the server's CHECKPOINT) ----

    /** Writes every timeline's in-memory layer out and records a checkpoint. */
    public void checkpoint() {
        for (TimelineStore t : registry.all()) {
            checkpointer.checkpoint(t);
        }
    }

    /** Creates image layers where enough deltas piled up ({@code force}: wherever there is any delta since the last image). */
    public void compact(boolean force) {
        for (TimelineStore t : registry.all()) {
            compactor.compact(t, force);
        }
    }

    /** Advances GC horizons from the retention window and removes layers nothing needs; returns how many. */
    public int collectGarbage(Instant now) {
        int removed = 0;
        synchronized (registry.lifecycleLock()) {
            for (TimelineStore t : registry.all()) {
                removed += gc.collect(t, now, retention);
            }
        }
        return removed;
    }

    /** Every minute: checkpoint timelines whose WAL tail is older than 5 minutes' checkpoint, then GC. */
    private void periodicMaintenance() {
        try {
            for (TimelineStore t : registry.all()) {
                if (t.checkpointDue(TimeUnit.MINUTES.toNanos(5))) {
                    checkpointer.checkpoint(t);
                    compactor.compact(t, false);
                }
            }
            collectGarbage(Instant.now());
        } catch (RuntimeException e) {
            LOG.error("background maintenance failed", e);
        }
    }

    public long fsyncCount() {
        return flusher.fsyncCount();
    }

    public long layerBytesWritten() {
        return checkpointer.layerBytesWritten();
    }

    public com.github.benmanes.caffeine.cache.stats.CacheStats pageCacheStats() {
        return pages.cacheStats();
    }

    /** Drops cached pages (benchmarks of the uncached path). */
    public void clearPageCache() {
        pages.invalidateAll();
    }

    void setRetention(Duration retention) {
        if (retention.isNegative()) {
            throw StorageException.of(StorageException.Reason.INVALID_REQUEST, "retention must not be negative");
        }
        Properties p = new Properties();
        p.setProperty("retention_seconds", Long.toString(retention.toSeconds()));
        try {
            StringWriter text = new StringWriter();
            p.store(text, "lakepg store settings");
            FileUtil.writeAtomically(dataDir.resolve("store.properties"), text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not save retention: " + e.getMessage(), e);
        }
        this.retention = retention;
    }

    Duration retention() {
        return retention;
    }

    private static Duration readRetention(Path dataDir, Duration defaultRetention) {
        Path file = dataDir.resolve("store.properties");
        if (!Files.exists(file)) {
            return defaultRetention;
        }
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            return Duration.ofSeconds(Long.parseLong(p.getProperty("retention_seconds")));
        } catch (IOException | RuntimeException e) {
            throw new StorageException(StorageException.Reason.CORRUPTED, "could not read " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- for a store that mirrors another's timelines and copies checkpoints elsewhere (the pageserver) ----

    /** Creates a timeline with the given identity (root, or a branch of an existing one at its branch LSN). */
    public Timeline attachTimeline(Timeline meta) {
        return registry.attach(meta);
    }

    /** The timeline's last checkpoint (files to copy), or null if it was never checkpointed. */
    public CheckpointFiles lastCheckpoint(TimelineId timeline) {
        return CheckpointFiles.capture(timeline(timeline));
    }

    /**
     * Appends records together with their encoding ({@code WalRecordCodec.encode} of each, as a WAL source sent
     * them): the same as {@code wal().appendAll} without encoding them again.
     */
    public java.util.List<org.lakepg.storage.Lsn> appendEncoded(TimelineId timeline,
            java.util.List<org.lakepg.storage.WalRecord> records,
            java.util.List<byte[]> payloads) {
        if (records.size() != payloads.size()) {
            throw new IllegalArgumentException(records.size() + " records but " + payloads.size() + " payloads");
        }
        if (records.isEmpty()) {
            return java.util.List.of();
        }
        TimelineStore t = timeline(timeline);
        long[] lsns = t.appendEncoded(records, payloads);
        afterAppend(t);
        return java.util.Arrays.stream(lsns).mapToObj(org.lakepg.storage.Lsn::of).toList();
    }

    /**
     * A number that changes whenever the timeline's checkpoint file is rewritten (checkpoint, compaction, GC) in this
     * process: a copier compares it to skip reading a checkpoint it already has.
     */
    public long checkpointVersion(TimelineId timeline) {
        return timeline(timeline).manifestVersion();
    }

    /** The LSN below which reads of this timeline's own history fail (branch points excepted). */
    public org.lakepg.storage.Lsn gcHorizon(TimelineId timeline) {
        return org.lakepg.storage.Lsn.of(timeline(timeline).gcCutoff());
    }

    /**
     * Releases files and threads without the final checkpoint, leaving the directory as a crash right after the last
     * flush would (for recovery tests; the OS still writes out what was appended but not flushed).
     */
    public void closeAbruptly() {
        if (closed) {
            return;
        }
        closed = true;
        if (maintenance != null) {
            maintenance.shutdownNow();
        }
        flusher.close();
        registry.closeAll();
        gc.close();
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.warn("could not release the lock of {}", dataDir, e);
        }
    }

    /** Flushes and checkpoints everything (so the next start replays nothing), then releases files and threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (maintenance != null) {
                maintenance.shutdown();
                maintenance.awaitTermination(1, TimeUnit.MINUTES);
            }
            checkpoint();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            flusher.close();
            registry.closeAll();
            gc.close();
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                LOG.warn("could not release the lock of {}", dataDir, e);
            }
        }
    }
}
