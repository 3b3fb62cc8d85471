package org.lakepg.storage.cloud.pageserver;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lakepg.storage.ObjectStore;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.local.FileUtil;
import org.lakepg.storage.local.timeline.CheckpointFiles;
import org.lakepg.storage.cloud.pageserver.TimelineManifest.RemoteLayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the pageserver's state in S3 at start: the newest manifest of every timeline and the highest generation in
 * use; lays out on the local disk, before the local store opens, every timeline the disk does not have (its
 * checkpoint and all its layers, downloaded now). The WAL after each manifest's consistent LSN is then ingested again.
 */
final class RemoteRestore {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteRestore.class);

    /** The newest manifest of each timeline, and the highest generation any key carries. */
    record RemoteState(Map<TimelineId, TimelineManifest> manifests, long highestGeneration) {
    }

    private RemoteRestore() {
    }

    static RemoteState read(ObjectStore remote) {
        Map<TimelineId, String> newestKey = new HashMap<>();
        long highest = 0;
        for (String key : remote.list(RemoteLayout.ROOT)) {
            highest = Math.max(highest, RemoteLayout.generationOf(key));
            if (RemoteLayout.isManifest(key)) {
                TimelineId id = RemoteLayout.timelineOf(key).orElseThrow();
                String previous = newestKey.get(id);
                if (previous == null || RemoteLayout.generationOf(key) > RemoteLayout.generationOf(previous)) {
                    newestKey.put(id, key);
                }
            }
        }
        Map<TimelineId, TimelineManifest> manifests = new HashMap<>();
        for (Map.Entry<TimelineId, String> e : newestKey.entrySet()) {
            remote.get(e.getValue()).ifPresent(bytes -> manifests.put(e.getKey(), TimelineManifest.decode(e.getValue(), bytes)));
        }
        return new RemoteState(manifests, highest);
    }

    /**
     * Lays out every timeline of {@code state} that is not in {@code present} under {@code storeDir}. Each is built
     * in a staging directory and moved into place whole, so a crash mid-download leaves no half timeline behind.
     */
    static int restoreMissing(ObjectStore remote, RemoteState state, Path storeDir, Set<TimelineId> present) {
        Path staging = storeDir.resolveSibling("restoring");
        int restored = 0;
        try {
            FileUtil.deleteRecursively(staging); // left by a crash during an earlier restore
            Files.createDirectories(storeDir.resolve("timelines"));
            for (TimelineManifest manifest : state.manifests().values()) {
                TimelineId id = manifest.timeline().id();
                if (!present.contains(id)) {
                    restoreOne(remote, manifest, staging);
                    Files.move(staging.resolve("timelines").resolve(id.toString()),
                            storeDir.resolve("timelines").resolve(id.toString()), StandardCopyOption.ATOMIC_MOVE);
                    FileUtil.fsyncDirectory(storeDir.resolve("timelines"));
                    restored++;
                }
            }
            FileUtil.deleteRecursively(staging);
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not restore timelines from S3: " + e.getMessage(), e);
        }
        return restored;
    }

    private static void restoreOne(ObjectStore remote, TimelineManifest manifest, Path staging) {
        TimelineId id = manifest.timeline().id();
        boolean bare = manifest.checkpointFile().length == 0; // never checkpointed before the upload
        Path layers = CheckpointFiles.restore(staging, manifest.timeline(), bare ? null : manifest.checkpointFile());
        List<String> needed = bare ? List.of() : CheckpointFiles.layerNames(manifest.checkpointFile());
        Map<String, RemoteLayer> byName = new HashMap<>();
        manifest.layers().forEach(l -> byName.put(l.name(), l));
        long bytes = 0;
        for (String name : needed) {
            RemoteLayer layer = byName.get(name);
            if (layer == null) {
                throw StorageException.of(StorageException.Reason.CORRUPTED,
                        "manifest of timeline %s does not list its layer %s", id, name);
            }
            byte[] data = remote.get(layer.key()).orElseThrow(() -> StorageException.of(StorageException.Reason.CORRUPTED,
                    "layer object \"%s\" named by the manifest of timeline %s is missing", layer.key(), id));
            try (FileChannel file = FileChannel.open(layers.resolve(name), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    file.write(buffer);
                }
                file.force(true);
            } catch (IOException e) {
                throw new StorageException(StorageException.Reason.IO, "could not write layer " + name + ": " + e.getMessage(), e);
            }
            bytes += data.length;
        }
        LOG.info("restored timeline {} ({}) from S3: {} layers, {} bytes, consistent at {}",
                manifest.timeline().name(), id, needed.size(), bytes, manifest.consistentLsn());
    }
}
