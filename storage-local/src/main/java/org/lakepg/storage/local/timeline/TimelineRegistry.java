package org.lakepg.storage.local.timeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.local.FileUtil;
import org.lakepg.storage.local.StoreOptions;
import org.lakepg.storage.local.wal.GroupCommitFlusher;

/** The set of timelines under {@code <dataDir>/timelines}: loading, creating, branching and deleting them. */
public final class TimelineRegistry {

    private final Path root;
    private final StoreOptions options;
    private final GroupCommitFlusher flusher;
    private final Map<TimelineId, TimelineStore> timelines = new ConcurrentHashMap<>();
    private final Object lifecycleLock = new Object();

    private TimelineRegistry(Path root, StoreOptions options, GroupCommitFlusher flusher) {
        this.root = root;
        this.options = options;
        this.flusher = flusher;
    }

    /** Opens every timeline, parents before children (a child reads through its parent). */
    public static TimelineRegistry open(Path dataDir, StoreOptions options, GroupCommitFlusher flusher) {
        TimelineRegistry registry = new TimelineRegistry(dataDir.resolve("timelines"), options, flusher);
        try {
            Files.createDirectories(registry.root);
            Map<TimelineId, Timeline> metas = new HashMap<>();
            Map<TimelineId, Path> dirs = new HashMap<>();
            try (Stream<Path> entries = Files.list(registry.root)) {
                for (Path dir : entries.toList()) {
                    if (dir.getFileName().toString().startsWith("deleted-")) {
                        FileUtil.deleteRecursively(dir); // a deletion interrupted by a crash
                    } else {
                        Timeline meta = readOrNull(dir);
                        if (meta == null && hasData(dir)) {
                            throw StorageException.of(StorageException.Reason.CORRUPTED,
                                    "timeline directory %s has data but no readable %s", dir, TimelineMetadataFile.NAME);
                        } else if (meta == null) {
                            FileUtil.deleteRecursively(dir); // a creation interrupted before its metadata was durable
                        } else {
                            metas.put(meta.id(), meta);
                            dirs.put(meta.id(), dir);
                        }
                    }
                }
            }
            List<Timeline> pending = new ArrayList<>(metas.values());
            pending.sort(Comparator.comparing(Timeline::created));
            while (!pending.isEmpty()) {
                boolean progress = false;
                for (var it = pending.iterator(); it.hasNext(); ) {
                    Timeline meta = it.next();
                    TimelineStore parent = meta.parent() == null ? null : registry.timelines.get(meta.parent());
                    if (meta.parent() != null && parent == null) {
                        if (!metas.containsKey(meta.parent())) {
                            throw StorageException.of(StorageException.Reason.CORRUPTED,
                                    "timeline %s has a missing parent %s", meta.id(), meta.parent());
                        }
                        continue;
                    }
                    registry.register(TimelineStore.open(dirs.get(meta.id()), meta, parent, options));
                    it.remove();
                    progress = true;
                }
                if (!progress) {
                    throw new StorageException(StorageException.Reason.CORRUPTED, "timelines form a cycle: " + pending);
                }
            }
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not open timelines in " + registry.root + ": " + e.getMessage(), e);
        }
        return registry;
    }

    /** The metadata, or null if it is missing or torn (then the timeline was never acknowledged as created). */
    private static Timeline readOrNull(Path dir) {
        try {
            return TimelineMetadataFile.read(dir);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean hasData(Path dir) throws IOException {
        if (Files.exists(dir.resolve(CheckpointManifest.NAME))) {
            return true;
        }
        Path wal = dir.resolve("wal");
        if (!Files.isDirectory(wal)) {
            return false;
        }
        try (Stream<Path> files = Files.list(wal)) {
            return files.findAny().isPresent();
        }
    }

    private void register(TimelineStore t) {
        timelines.put(t.meta.id(), t);
        if (t.parent != null) {
            t.parent.children.add(t);
        }
    }

    /** Held while timelines are created, branched or deleted; GC holds it too, so branch points stay consistent. */
    public Object lifecycleLock() {
        return lifecycleLock;
    }

    public TimelineStore get(TimelineId id) {
        TimelineStore t = timelines.get(id);
        if (t == null) {
            throw StorageException.of(StorageException.Reason.NOT_FOUND, "timeline %s does not exist", id);
        }
        return t;
    }

    public Optional<TimelineStore> find(TimelineId id) {
        return Optional.ofNullable(timelines.get(id));
    }

    public List<TimelineStore> all() {
        List<TimelineStore> all = new ArrayList<>(timelines.values());
        all.sort(Comparator.comparing((TimelineStore t) -> t.meta.created()).thenComparing(t -> t.meta.id()));
        return all;
    }

    public Optional<TimelineStore> byName(String name) {
        return timelines.values().stream().filter(t -> t.meta.name().equals(name)).findFirst();
    }

    public Timeline create(String name) {
        synchronized (lifecycleLock) {
            checkNameFree(name);
            Timeline meta = new Timeline(TimelineId.random(), null, Lsn.INVALID, name, Instant.now());
            return createStore(meta, null).meta;
        }
    }

    /** O(1): writes the new timeline's metadata and an empty WAL; copies nothing. */
    public Timeline branch(TimelineId parentId, Lsn at, String name) {
        return branchAs(TimelineId.random(), parentId, at, name, Instant.now());
    }

    /**
     * Creates a timeline with an identity chosen elsewhere (a pageserver mirrors the timelines of its WAL source, so
     * its ids, branch points and creation times must be the source's): a root if {@code meta.parent()} is null, else
     * a branch at {@code meta.branchLsn()}.
     */
    public Timeline attach(Timeline meta) {
        synchronized (lifecycleLock) {
            if (timelines.containsKey(meta.id())) {
                throw StorageException.of(StorageException.Reason.ALREADY_EXISTS, "timeline %s already exists", meta.id());
            }
            if (meta.parent() != null) {
                return branchAs(meta.id(), meta.parent(), meta.branchLsn(), meta.name(), meta.created());
            }
            checkNameFree(meta.name());
            return createStore(meta, null).meta;
        }
    }

    private Timeline branchAs(TimelineId id, TimelineId parentId, Lsn at, String name, Instant created) {
        synchronized (lifecycleLock) {
            checkNameFree(name);
            TimelineStore parent = get(parentId);
            parent.maintenanceLock.lock(); // GC must not drop what the new branch point needs meanwhile
            try {
                long lsn = at == null ? parent.appliedLsn : at.value();
                if (lsn > parent.appliedLsn) {
                    throw StorageException.of(StorageException.Reason.INVALID_REQUEST,
                            "branch point %s is beyond the end of WAL %s of timeline %s", Lsn.of(lsn), Lsn.of(parent.appliedLsn), parentId);
                }
                parent.checkReadable(lsn);
                flusher.flush(parent.wal, lsn).join();
                Timeline meta = new Timeline(id, parentId, Lsn.of(lsn), name, created);
                return createStore(meta, parent).meta;
            } finally {
                parent.maintenanceLock.unlock();
            }
        }
    }

    private TimelineStore createStore(Timeline meta, TimelineStore parent) {
        try {
            TimelineStore t = TimelineStore.create(root.resolve(meta.id().toString()), meta, parent, options);
            FileUtil.fsyncDirectory(root);
            register(t);
            return t;
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not create timeline " + meta.name() + ": " + e.getMessage(), e);
        }
    }

    private void checkNameFree(String name) {
        if (name == null || name.isBlank()) {
            throw StorageException.of(StorageException.Reason.INVALID_REQUEST, "timeline name must not be empty");
        }
        if (byName(name).isPresent()) {
            throw StorageException.of(StorageException.Reason.ALREADY_EXISTS, "timeline \"%s\" already exists", name);
        }
    }

    public void delete(TimelineId id) {
        synchronized (lifecycleLock) {
            TimelineStore t = get(id);
            if (t.children.stream().anyMatch(c -> !c.deleted)) {
                throw StorageException.of(StorageException.Reason.INVALID_REQUEST,
                        "timeline %s has branches; delete them first", id);
            }
            t.maintenanceLock.lock();
            t.appendLock.lock();
            try {
                t.deleted = true;
                timelines.remove(id);
                if (t.parent != null) {
                    t.parent.children.remove(t);
                }
                t.close();
                Path doomed = root.resolve("deleted-" + id);
                Files.move(t.dir, doomed);
                FileUtil.fsyncDirectory(root);
                FileUtil.deleteRecursively(doomed);
            } catch (IOException e) {
                throw new StorageException(StorageException.Reason.IO, "could not delete timeline " + id + ": " + e.getMessage(), e);
            } finally {
                t.appendLock.unlock();
                t.maintenanceLock.unlock();
            }
        }
    }

    public void closeAll() {
        for (TimelineStore t : timelines.values()) {
            t.close();
        }
    }
}
