package org.lakepg.storage.cloud.pageserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.ObjectStore;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.local.LocalStorage;
import org.lakepg.storage.local.timeline.CheckpointFiles;
import org.lakepg.storage.cloud.pageserver.TimelineManifest.RemoteLayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps S3 in step with the local store's checkpoints, in the order that keeps S3 consistent at every moment: the
 * layer files a checkpoint names are uploaded first, then the manifest that names them; only after that manifest is
 * in place are objects deleted that no manifest names any more (superseded manifests of older generations, then
 * layers). Only objects of this generation or older are ever deleted, so a newer pageserver's work is never touched.
 * Calls for one timeline must not run concurrently (the pageserver's maintenance thread makes them).
 */
final class RemoteTimelineSync {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteTimelineSync.class);

    private final ObjectStore remote;
    private final long generation;
    /** The manifest in S3 for each timeline (uploaded by us or restored from), by timeline. */
    private final Map<TimelineId, TimelineManifest> current = new ConcurrentHashMap<>();
    private final Set<TimelineId> cleanupPending = ConcurrentHashMap.newKeySet();
    /** Per timeline, the local checkpoint version ({@link LocalStorage#checkpointVersion}) S3 is known to hold. */
    private final Map<TimelineId, Long> syncedVersion = new ConcurrentHashMap<>();
    private final AtomicLong bytesUploaded = new AtomicLong();
    private final AtomicLong layersUploaded = new AtomicLong();

    RemoteTimelineSync(ObjectStore remote, long generation) {
        this.remote = remote;
        this.generation = generation;
    }

    long bytesUploaded() {
        return bytesUploaded.get();
    }

    long layersUploaded() {
        return layersUploaded.get();
    }

    /** The LSN up to which S3 holds everything of the timeline (what safekeepers may trim below); INVALID if nothing. */
    Lsn remoteConsistentLsn(TimelineId timeline) {
        TimelineManifest m = current.get(timeline);
        return m == null ? Lsn.INVALID : m.consistentLsn();
    }

    TimelineManifest manifest(TimelineId timeline) {
        return current.get(timeline);
    }

    /** Records a manifest found in S3 at start, so its layers are reused rather than uploaded again. */
    void adopt(TimelineManifest manifest) {
        current.put(manifest.timeline().id(), manifest);
    }

    /**
     * Uploads the timeline's last local checkpoint if S3 does not have it yet. Returns false if there was nothing
     * to do or a layer vanished meanwhile (GC; the next checkpoint no longer names it, the next call uploads that).
     */
    boolean upload(LocalStorage local, TimelineId timeline) {
        long version = local.checkpointVersion(timeline);
        Long synced = syncedVersion.get(timeline);
        if (synced != null && synced == version && !cleanupPending.contains(timeline)) {
            return false; // no checkpoint since: reading the checkpoint file every round cost the idle CPU
        }
        CheckpointFiles checkpoint = local.lastCheckpoint(timeline);
        TimelineManifest previous = current.get(timeline);
        if (checkpoint == null) {
            return previous == null && uploadBare(local, timeline);
        }
        List<String> names = checkpoint.layerFiles().stream().map(p -> p.getFileName().toString()).toList();
        if (previous != null && previous.consistentLsn().value() == checkpoint.checkpointLsn()
                && previous.gcCutoff().value() == checkpoint.gcCutoff()
                && previous.layers().stream().map(RemoteLayer::name).toList().equals(names)) {
            if (cleanupPending.contains(timeline)) {
                deleteUnreferenced(timeline, previous);
            }
            syncedVersion.put(timeline, version);
            return false;
        }
        Map<String, RemoteLayer> known = new HashMap<>();
        if (previous != null) {
            previous.layers().forEach(l -> known.put(l.name(), l));
        }
        List<RemoteLayer> layers = new ArrayList<>();
        for (Path file : checkpoint.layerFiles()) {
            String name = file.getFileName().toString();
            RemoteLayer layer = known.get(name);
            if (layer == null) {
                String key = RemoteLayout.layerKey(timeline, name, generation);
                long size;
                try {
                    size = Files.size(file);
                    remote.put(key, file); // streamed from disk: a layer is tens of MB
                } catch (NoSuchFileException e) {
                    LOG.debug("layer {} of timeline {} was removed before its upload; retrying later", name, timeline);
                    return false;
                } catch (IOException e) {
                    throw new StorageException(StorageException.Reason.IO, "could not read layer " + file + ": " + e.getMessage(), e);
                }
                bytesUploaded.addAndGet(size);
                layersUploaded.incrementAndGet();
                layer = new RemoteLayer(name, key, size);
            }
            layers.add(layer);
        }
        TimelineManifest manifest = new TimelineManifest(checkpoint.timeline(), generation,
                Lsn.of(checkpoint.checkpointLsn()), Lsn.of(checkpoint.gcCutoff()), layers, checkpoint.checkpointFile());
        byte[] encoded = manifest.encode();
        remote.put(RemoteLayout.manifestKey(timeline, generation), encoded);
        bytesUploaded.addAndGet(encoded.length);
        current.put(timeline, manifest);
        syncedVersion.put(timeline, version);
        deleteUnreferenced(timeline, manifest);
        return true;
    }

    /** A timeline never checkpointed yet: its manifest names no layers and no checkpoint, only its identity. */
    private boolean uploadBare(LocalStorage local, TimelineId timeline) {
        Timeline meta = local.timelines().get(timeline).orElse(null);
        if (meta == null) {
            return false;
        }
        TimelineManifest manifest = new TimelineManifest(meta, generation, meta.branchLsn(), meta.branchLsn(), List.of(),
                new byte[0]);
        byte[] encoded = manifest.encode();
        remote.put(RemoteLayout.manifestKey(timeline, generation), encoded);
        bytesUploaded.addAndGet(encoded.length);
        current.put(timeline, manifest);
        return true;
    }

    /** After {@code manifest} is in S3: removes older-generation manifests, then layers no remaining manifest names. */
    private void deleteUnreferenced(TimelineId timeline, TimelineManifest manifest) {
        cleanupPending.add(timeline); // until every deletion succeeded: a failed one is retried by the next call
        List<String> keys = remote.list(RemoteLayout.timelinePrefix(timeline));
        Set<String> named = new HashSet<>();
        manifest.layers().forEach(l -> named.add(l.key()));
        for (String key : keys) {
            if (!RemoteLayout.isManifest(key)) {
                continue;
            }
            long g = RemoteLayout.generationOf(key);
            if (g < generation) {
                remote.delete(key);
            } else if (g > generation) {
                remote.get(key).ifPresent(bytes -> TimelineManifest.decode(key, bytes).layers().forEach(l -> named.add(l.key())));
            }
        }
        for (String key : keys) {
            if (!RemoteLayout.isManifest(key) && RemoteLayout.generationOf(key) <= generation && !named.contains(key)) {
                remote.delete(key);
            }
        }
        cleanupPending.remove(timeline);
    }

    /** Removes the timeline from S3: its manifests first (so no manifest names a missing layer), then its layers. */
    void deleteRemote(TimelineId timeline) {
        current.remove(timeline);
        syncedVersion.remove(timeline);
        List<String> keys = remote.list(RemoteLayout.timelinePrefix(timeline));
        for (String key : keys) {
            if (RemoteLayout.isManifest(key) && RemoteLayout.generationOf(key) <= generation) {
                remote.delete(key);
            }
        }
        for (String key : keys) {
            if (!RemoteLayout.isManifest(key) && RemoteLayout.generationOf(key) <= generation) {
                remote.delete(key);
            }
        }
    }
}
