package org.lakepg.storage.cloud.pageserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.lakepg.storage.ForkNumber;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.ObjectStore;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.WalService;
import org.lakepg.storage.cloud.metrics.LatencyHistogram;
import org.lakepg.storage.cloud.metrics.Metrics;
import org.lakepg.storage.local.LocalStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page service of the cloud store: mirrors timelines of a WAL source into a local layered store (the same one
 * the embedded store uses, on a disk that is only a cache), answers GetPage@LSN and relation queries from it, and
 * keeps S3 the truth — every checkpoint's layers and then a manifest are uploaded ({@link RemoteTimelineSync}).
 * Started on an empty disk it lays out every timeline from S3 and ingests the WAL after each manifest again. Hot
 * pages are served from the layered store's Caffeine cache ({@code page_cache_size}).
 */
public final class Pageserver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pageserver.class);

    private final PageserverConfig config;
    private final WalService source;
    private final LocalStorage local;
    private final RemoteTimelineSync sync;
    private final long generation;
    private final Map<TimelineId, WalIngestor> ingestors = new ConcurrentHashMap<>();
    private final ScheduledExecutorService maintenance;
    private final Object lifecycle = new Object();
    private volatile long lastCheckpointNanos = System.nanoTime();
    private volatile boolean closed;
    private final Map<TimelineId, Lsn> trimmedUpTo = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean trimInFlight = new java.util.concurrent.atomic.AtomicBoolean();
    private final Metrics metrics = new Metrics();
    /** Reads that had to wait for WAL to be ingested, and how long. */
    private final LatencyHistogram lsnWaits = metrics.histogram("wait_for_lsn");

    private Pageserver(PageserverConfig config, WalService source, LocalStorage local, RemoteTimelineSync sync, long generation) {
        this.config = config;
        this.source = source;
        this.local = local;
        this.sync = sync;
        this.generation = generation;
        this.maintenance = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("lakepg-pageserver-upload").daemon(true).unstarted(r));
    }

    /**
     * Opens the pageserver on {@code config.dataDir()}: reads S3, restores timelines the disk lacks, opens the local
     * store, starts ingesting every timeline from {@code source} and the periodic checkpoint + upload.
     */
    public static Pageserver start(PageserverConfig config, WalService source, ObjectStore remote) {
        Path storeDir = config.dataDir().resolve("store");
        RemoteRestore.RemoteState state = RemoteRestore.read(remote);
        long generation = config.generation() > 0 ? config.generation() : state.highestGeneration() + 1;
        if (generation < state.highestGeneration()) {
            LOG.warn("pageserver generation {} is older than generation {} found in S3", generation, state.highestGeneration());
        }
        int restored = RemoteRestore.restoreMissing(remote, state, storeDir, localTimelineIds(storeDir));
        Map<String, String> options = new HashMap<>(config.storeOptions());
        LocalStorage local = LocalStorage.open(new StorageConfig(storeDir, options));
        RemoteTimelineSync sync = new RemoteTimelineSync(remote, generation);
        state.manifests().values().forEach(sync::adopt);
        Pageserver ps = new Pageserver(config, source, local, sync, generation);
        for (Timeline t : local.timelines().list()) {
            ps.startIngest(t.id());
        }
        long every = config.uploadInterval().toMillis();
        ps.maintenance.scheduleWithFixedDelay(ps::periodicUpload, every, every, TimeUnit.MILLISECONDS);
        LOG.info("pageserver generation {} started on {}: {} timelines ({} restored from S3)",
                generation, config.dataDir(), local.timelines().list().size(), restored);
        return ps;
    }

    private static Set<TimelineId> localTimelineIds(Path storeDir) {
        Set<TimelineId> ids = new HashSet<>();
        Path timelines = storeDir.resolve("timelines");
        if (!Files.isDirectory(timelines)) {
            return ids;
        }
        try (Stream<Path> dirs = Files.list(timelines)) {
            for (Path dir : dirs.toList()) {
                try {
                    ids.add(TimelineId.parse(dir.getFileName().toString()));
                } catch (IllegalArgumentException ignored) {
                    // "deleted-..." leftovers; the store cleans them up
                }
            }
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not list " + timelines + ": " + e.getMessage(), e);
        }
        return ids;
    }

    private void startIngest(TimelineId id) {
        WalIngestor ingestor = new WalIngestor(id, source, local, metrics);
        ingestors.put(id, ingestor);
        ingestor.start();
    }

    public long generation() {
        return generation;
    }

    /** The local layered store (tests compare against it; benchmarks read its cache statistics). */
    public LocalStorage localStore() {
        return local;
    }

    // ---- pages ----

    private WalIngestor ingestor(TimelineId timeline) {
        if (closed) {
            throw StorageException.of(StorageException.Reason.CLOSED, "pageserver is shutting down");
        }
        WalIngestor ingestor = ingestors.get(timeline);
        if (ingestor == null) {
            throw StorageException.of(StorageException.Reason.NOT_FOUND, "timeline %s does not exist", timeline);
        }
        return ingestor;
    }

    /** Waits until WAL up to {@code lsn} is ingested (at most {@code timeout}); returns the ingested LSN. */
    public Lsn waitForLsn(TimelineId timeline, Lsn lsn, Duration timeout) {
        return ingestor(timeline).awaitLsn(lsn, timeout.toNanos());
    }

    private Lsn await(TimelineId timeline, Lsn lsn) {
        WalIngestor ingestor = ingestor(timeline);
        if (!lsn.isAfter(ingestor.ingestedLsn())) {
            return ingestor.ingestedLsn();
        }
        long start = System.nanoTime();
        Lsn ingested = ingestor.awaitLsn(lsn, config.waitTimeout().toNanos());
        lsnWaits.recordSince(start);
        return ingested;
    }

    /** The pageserver's figures: WAL ingested, reads that waited for WAL, uploads (see {@code MetricsFile}). */
    public Metrics metrics() {
        return metrics;
    }

    /**
     * The page as of {@code lsn}. The caller promises the page did not change between {@code notModifiedSince} and
     * {@code lsn}, so only WAL up to {@code notModifiedSince} is waited for; the page is then read at the newest
     * ingested LSN not after {@code lsn}, which gives the same bytes.
     */
    public byte[] getPage(TimelineId timeline, PageKey key, Lsn lsn, Lsn notModifiedSince) {
        return local.pages().getPage(timeline, key, readPoint(timeline, lsn, notModifiedSince));
    }

    public List<byte[]> getPages(TimelineId timeline, List<PageKey> keys, Lsn lsn, Lsn notModifiedSince) {
        Lsn at = readPoint(timeline, lsn, notModifiedSince);
        List<byte[]> pages = new ArrayList<>(keys.size());
        for (PageKey key : keys) {
            pages.add(local.pages().getPage(timeline, key, at));
        }
        return pages;
    }

    private Lsn readPoint(TimelineId timeline, Lsn lsn, Lsn notModifiedSince) {
        Lsn need = notModifiedSince == null || notModifiedSince.isAfter(lsn) ? lsn : notModifiedSince;
        return Lsn.min(lsn, await(timeline, need));
    }

    public int relationSize(TimelineId timeline, int relation, ForkNumber fork, Lsn lsn) {
        await(timeline, lsn);
        return local.pages().relationSize(timeline, relation, fork, lsn);
    }

    public boolean relationExists(TimelineId timeline, int relation, ForkNumber fork, Lsn lsn) {
        await(timeline, lsn);
        return local.pages().relationExists(timeline, relation, fork, lsn);
    }

    public BitSet changedPages(TimelineId timeline, int relation, ForkNumber fork, Lsn from, Lsn to) {
        await(timeline, to);
        return local.pages().changedPages(timeline, relation, fork, from, to);
    }

    public Lsn ingestedLsn(TimelineId timeline) {
        return ingestor(timeline).ingestedLsn();
    }

    /** Everything of the timeline at or below this LSN is in S3 (safekeepers may trim their WAL up to it). */
    public Lsn remoteConsistentLsn(TimelineId timeline) {
        return sync.remoteConsistentLsn(timeline);
    }

    // ---- timelines ----

    /** Starts serving (and ingesting) a new root timeline with the source's id. */
    public Timeline createTimeline(TimelineId id, String name) {
        return attach(new Timeline(id, null, Lsn.INVALID, name, Instant.now()));
    }

    /**
     * Starts serving a branch of {@code parent} at {@code at} ({@code null}: the source's latest LSN of the parent),
     * once the parent's WAL up to there is ingested. The new timeline's own WAL comes from the source under {@code id}.
     */
    public Timeline branch(TimelineId parent, Lsn at, TimelineId id, String name) {
        return attach(id, parent, at, name, Instant.now());
    }

    /**
     * Starts serving the source's timeline as described (identity, ancestor, branch point, creation time).
     */
    public Timeline attach(Timeline meta) {
        return attach(meta.id(), meta.parent(), meta.branchLsn(), meta.name(), meta.created());
    }

    private Timeline attach(TimelineId id, TimelineId parent, Lsn at, String name, Instant created) {
        Lsn point = at == null ? Lsn.INVALID : at;
        if (parent != null) {
            point = at != null ? at : source.insertLsn(parent);
            await(parent, point);
        }
        synchronized (lifecycle) {
            Timeline t = local.attachTimeline(new Timeline(id, parent, point, name, created));
            startIngest(id);
            announce(id);
            return t;
        }
    }

    /** Puts a new timeline's manifest in S3 now, so it is known there before it has layers (else: next upload round). */
    private void announce(TimelineId id) {
        try {
            sync.upload(local, id);
        } catch (StorageException e) {
            LOG.warn("could not record new timeline {} in S3 yet; retrying later: {}", id, e.getMessage());
        }
    }

    public List<Timeline> timelines() {
        return local.timelines().list();
    }

    /** Stops serving the timeline and removes it locally and from S3. Fails while it has branches. */
    public void deleteTimeline(TimelineId id) {
        synchronized (lifecycle) {
            WalIngestor ingestor = ingestor(id);
            if (local.timelines().list().stream().anyMatch(t -> id.equals(t.parent()))) {
                throw StorageException.of(StorageException.Reason.INVALID_REQUEST, "timeline %s has branches; delete them first", id);
            }
            ingestor.stop();
            ingestors.remove(id);
            local.timelines().delete(id);
            sync.deleteRemote(id);
        }
    }

    public void setRetention(Duration retention) {
        local.timelines().setRetention(retention);
    }

    public Duration retention() {
        return local.timelines().retention();
    }

    /** Searches the commits the source has now (waits until they are ingested). */
    public Lsn lsnAt(TimelineId timeline, Instant time) {
        await(timeline, source.insertLsn(timeline));
        return local.timelines().lsnAt(timeline, time);
    }

    // ---- checkpoint and upload ----

    /**
     * Maintenance now instead of over the next minutes (operators, tests): checkpoints, compacts every timeline to
     * image layers at its latest LSN, removes the layers no retained read needs (the retention window, live branches'
     * branch points) and uploads; the upload deletes from S3 every layer no manifest names any more. This is how the
     * parent's history that only a dropped branch still needed is freed. Returns the number of layers removed.
     */
    public int collectGarbageNow() {
        synchronized (lifecycle) {
            local.checkpoint();
            local.compact(true);
            int removed = local.collectGarbage(Instant.now());
            lastCheckpointNanos = System.nanoTime();
            uploadAll();
            return removed;
        }
    }

    /** Checkpoints every timeline that ingested WAL since its last checkpoint, then uploads what S3 lacks. */
    public void checkpointAndUpload() {
        synchronized (lifecycle) {
            local.checkpoint();
            lastCheckpointNanos = System.nanoTime();
            uploadAll();
        }
    }

    private void uploadAll() {
        for (TimelineId id : new ArrayList<>(ingestors.keySet())) {
            sync.upload(local, id);
        }
        trimSource();
    }

    /**
     * Tells a trimmable WAL source (the safekeepers) what S3 now holds. Off the upload thread: a trim goes through
     * the safekeepers' quorum, which may be unavailable for a while, and uploads must go on meanwhile.
     */
    private void trimSource() {
        if (!(source instanceof WalTrimming trimming) || !trimInFlight.compareAndSet(false, true)) {
            return;
        }
        Map<TimelineId, Lsn> due = new HashMap<>();
        for (TimelineId id : ingestors.keySet()) {
            Lsn persisted = sync.remoteConsistentLsn(id);
            if (persisted.isValid() && persisted.isAfter(trimmedUpTo.getOrDefault(id, Lsn.INVALID))) {
                due.put(id, persisted);
            }
        }
        if (due.isEmpty()) {
            trimInFlight.set(false);
            return;
        }
        Thread.ofVirtual().name("lakepg-pageserver-trim").start(() -> {
            try {
                due.forEach((id, upTo) -> {
                    trimming.trimUpTo(id, upTo);
                    trimmedUpTo.put(id, upTo);
                });
            } catch (RuntimeException e) {
                LOG.warn("could not trim the WAL source yet; retrying after the next upload: {}", e.getMessage());
            } finally {
                trimInFlight.set(false);
            }
        });
    }

    /** How far this pageserver has told the WAL source to trim each timeline. */
    public Lsn trimmedUpTo(TimelineId timeline) {
        return trimmedUpTo.getOrDefault(timeline, Lsn.INVALID);
    }

    private void periodicUpload() {
        if (closed) {
            return;
        }
        try {
            if (System.nanoTime() - lastCheckpointNanos > config.checkpointInterval().toNanos()) {
                checkpointAndUpload();
            } else {
                synchronized (lifecycle) {
                    uploadAll(); // checkpoints the local store made on its own (its in-memory layer filled up)
                }
            }
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.warn("pageserver upload to S3 failed; retrying later: {}", e.getMessage());
            }
        }
    }

    /** Bytes of layers and manifests uploaded by this process. */
    public long bytesUploaded() {
        return sync.bytesUploaded();
    }

    public long layersUploaded() {
        return sync.layersUploaded();
    }

    /**
     * Stops ingestion and uploads and closes the local store. Nothing more is uploaded: what S3 holds stays at the
     * last periodic upload, as after a crash, and a successor continues from it plus the WAL.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        maintenance.shutdownNow(); // an upload retrying against an unreachable S3 gives up at the interrupt
        try {
            if (!maintenance.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.warn("pageserver upload did not stop within a minute; closing anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ingestors.values().forEach(WalIngestor::stop);
        local.close();
        LOG.info("pageserver generation {} stopped", generation);
    }
}
