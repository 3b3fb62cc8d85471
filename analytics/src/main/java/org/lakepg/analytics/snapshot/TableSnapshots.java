package org.lakepg.analytics.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.lakepg.analytics.batch.Batch;
import org.lakepg.analytics.parquet.ColumnPredicate;
import org.lakepg.analytics.parquet.ParquetBatchReader;
import org.lakepg.analytics.parquet.ParquetFileCache;
import org.lakepg.analytics.parquet.ScanStats;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.ObjectStore;
import org.lakepg.storage.StorageException;

/**
 * A table's snapshots on the object store, under {@code root} ("analytics/t/"): Parquet files in {@code data/},
 * one manifest per version in {@code _lakepg/}, the Delta log in {@code _delta_log/}. The manifest put is the commit
 * point: files are written before it, so a reader following manifests never sees a half-written snapshot; files
 * left by an interrupted write are simply never named.
 *
 * <p>The versions are listed once and then followed through this instance's own commits, and parsed manifests are
 * kept (they are immutable): queries then never list the store. One writer per root, as the materializer requires;
 * {@link #reload()} sees commits made elsewhere.
 */
public final class TableSnapshots {

    static final String MANIFESTS = "_lakepg/";
    static final String DATA = "data/";

    private final ObjectStore store;
    private final String root;
    private final DeltaLog deltaLog;

    /** Committed versions, ascending, once listed (null: list on next use). */
    private List<Long> knownVersions;
    private final java.util.Map<Long, Manifest> manifests = new java.util.concurrent.ConcurrentHashMap<>();

    public TableSnapshots(ObjectStore store, String root) {
        if (!root.isEmpty() && !root.endsWith("/")) {
            throw new IllegalArgumentException("snapshot root must end with '/': " + root);
        }
        this.store = store;
        this.root = root;
        this.deltaLog = new DeltaLog(store, root);
    }

    public String root() {
        return root;
    }

    public ObjectStore store() {
        return store;
    }

    static String manifestKey(long version) {
        return MANIFESTS + String.format("manifest-%020d.json", version);
    }

    /** Versions of committed manifests, ascending. */
    public synchronized List<Long> versions() {
        if (knownVersions == null) {
            knownVersions = List.copyOf(listVersions());
        }
        return knownVersions;
    }

    /** Forgets what was listed: the next use lists the store again (commits by another process). */
    public synchronized void reload() {
        knownVersions = null;
        manifests.clear();
    }

    private List<Long> listVersions() {
        List<Long> versions = new ArrayList<>();
        String prefix = root + MANIFESTS + "manifest-";
        for (String key : Listings.list(store, prefix)) {
            String rest = key.substring(prefix.length());
            if (rest.matches("\\d{20}\\.json")) {
                versions.add(Long.parseLong(rest.substring(0, 20)));
            }
        }
        return versions;
    }

    public Optional<Manifest> manifest(long version) {
        Manifest known = manifests.get(version);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Manifest> read = store.get(root + manifestKey(version))
                .map(bytes -> ManifestCodec.read(new String(bytes, StandardCharsets.UTF_8)));
        read.ifPresent(m -> manifests.put(version, m));
        return read;
    }

    public Optional<Manifest> latest() {
        List<Long> versions = versions();
        return versions.isEmpty() ? Optional.empty() : manifest(versions.get(versions.size() - 1));
    }

    /** The newest snapshot taken at or before {@code lsn} (time travel), if any. */
    public Optional<Manifest> asOf(Lsn lsn) {
        List<Long> versions = versions();
        for (int i = versions.size() - 1; i >= 0; i--) {
            Optional<Manifest> m = manifest(versions.get(i));
            if (m.isPresent() && !m.get().lsn().isAfter(lsn)) {
                return m;
            }
        }
        return Optional.empty();
    }

    /** Versions in use by running reads and how many reads use each (guarded by this). */
    private final java.util.Map<Long, Integer> pins = new java.util.HashMap<>();

    /**
     * {@link #asOf} for a read that goes on to read the snapshot's files: the snapshot is pinned, so
     * {@link #vacuumUnused} keeps it until {@link #unpin}.
     */
    public synchronized Optional<Manifest> pinAsOf(Lsn lsn) {
        Optional<Manifest> m = asOf(lsn);
        m.ifPresent(found -> pins.merge(found.version(), 1, Integer::sum));
        return m;
    }

    public synchronized void unpin(Manifest manifest) {
        pins.computeIfPresent(manifest.version(), (v, count) -> count == 1 ? null : count - 1);
    }

    /**
     * Deletes the snapshots that are no longer needed: every version older than the latest (complete, committed)
     * one that no running read has pinned, and the data files no remaining manifest names (also those of
     * interrupted writes). A time-travel read older than every remaining snapshot simply decodes all pages, so
     * answers stay exact. Must not run while a materialization of this root is writing (its files are not named
     * yet): the server calls it under the same lock. Returns the manifests deleted.
     */
    public List<Manifest> vacuumUnused() {
        List<Long> doomed = new ArrayList<>();
        List<Manifest> deleted = new ArrayList<>();
        java.util.Set<String> live = new java.util.HashSet<>();
        synchronized (this) {
            List<Long> versions = versions();
            if (versions.isEmpty()) {
                return deleted;
            }
            long latest = versions.get(versions.size() - 1);
            List<Long> remaining = new ArrayList<>();
            for (long v : versions) {
                if (v < latest && !pins.containsKey(v)) {
                    doomed.add(v);
                } else {
                    remaining.add(v);
                }
            }
            if (doomed.isEmpty()) {
                return deleted;
            }
            for (long v : doomed) {
                manifest(v).ifPresent(deleted::add);
            }
            for (long v : remaining) {
                manifest(v).ifPresent(m -> m.files().forEach(f -> live.add(f.path())));
            }
            knownVersions = List.copyOf(remaining); // no new read can find the doomed versions from here on
            doomed.forEach(manifests::remove);
        }
        for (long v : doomed) {
            store.delete(root + manifestKey(v));
        }
        for (String key : Listings.list(store, root + DATA)) {
            if (!live.contains(key.substring(root.length()))) {
                store.delete(key);
                ParquetFileCache.shared().evict(new ParquetFileCache.FileKey(store, key));
            }
        }
        return deleted;
    }

    public byte[] readFile(DataFile file) {
        return store.get(root + file.path()).orElseThrow(() -> StorageException.of(StorageException.Reason.CORRUPTED,
                "snapshot data file \"%s\" is missing", root + file.path()));
    }

    /**
     * Scans one data file through the process-wide {@link ParquetFileCache}: data files are immutable (a new name
     * per write), so what was decoded for an earlier query is reused and the object is fetched only on a miss.
     */
    public ScanStats scanFile(DataFile file, List<Integer> columns, List<ColumnPredicate> pushdown,
                              Consumer<Batch> sink) {
        return ParquetBatchReader.scanCached(ParquetFileCache.shared(),
                new ParquetFileCache.FileKey(store, root + file.path()), () -> readFile(file), columns, pushdown, sink);
    }

    void putFile(String relativePath, byte[] data) {
        store.put(root + relativePath, data);
    }

    /** Makes {@code manifest} the latest snapshot (one atomic put), then writes its Delta commit. */
    void commit(Optional<Manifest> previous, Manifest manifest) {
        store.put(root + manifestKey(manifest.version()),
                ManifestCodec.write(manifest).getBytes(StandardCharsets.UTF_8));
        synchronized (this) {
            manifests.put(manifest.version(), manifest);
            if (knownVersions != null) {
                List<Long> next = new ArrayList<>(knownVersions);
                if (!next.contains(manifest.version())) {
                    next.add(manifest.version());
                    java.util.Collections.sort(next);
                }
                knownVersions = List.copyOf(next);
            }
        }
        deltaLog.writeCommit(previous, manifest, System.currentTimeMillis());
    }

    /**
     * Deletes what no snapshot at or after {@code horizon} needs: manifests older than the newest one taken at or
     * before the horizon (that one stays, so time travel to the horizon still works), and data files named by no
     * remaining manifest, which includes files left by interrupted writes. The Delta log is kept: its older versions
     * name removed files, as Delta's own VACUUM leaves them. Returns the number of objects deleted.
     */
    public int vacuum(Lsn horizon) {
        List<Long> versions = versions();
        long keepFrom = versions.isEmpty() ? Long.MAX_VALUE : versions.get(versions.size() - 1);
        for (long v : versions) {
            Optional<Manifest> m = manifest(v);
            if (m.isPresent() && !m.get().lsn().isAfter(horizon)) {
                keepFrom = v;
            }
        }
        java.util.Set<String> live = new java.util.HashSet<>();
        int deleted = 0;
        for (long v : versions) {
            if (v < keepFrom) {
                store.delete(root + manifestKey(v));
                deleted++;
            } else {
                manifest(v).ifPresent(m -> m.files().forEach(f -> live.add(f.path())));
            }
        }
        synchronized (this) {
            knownVersions = null; // deleted manifests: list again
            manifests.clear();
        }
        for (String key : Listings.list(store, root + DATA)) {
            if (!live.contains(key.substring(root.length()))) {
                store.delete(key);
                deleted++;
            }
        }
        return deleted;
    }

    /**
     * Writes the Delta commits of manifests committed before a crash cut off their Delta commit, so the Delta log
     * always catches up with the manifests before the next version is written.
     */
    public void catchUpDeltaLog() {
        List<Long> versions = versions();
        long next = deltaLog.latestVersion().map(v -> v + 1).orElse(versions.isEmpty() ? 0L : versions.get(0));
        for (long v : versions) {
            if (v >= next) {
                Optional<Manifest> previous = v == versions.get(0) ? Optional.empty() : manifest(v - 1);
                deltaLog.writeCommit(previous, manifest(v).orElseThrow(), System.currentTimeMillis());
            }
        }
    }
}
