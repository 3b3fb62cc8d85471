package org.lakepg.storage.local.timeline;

import java.io.IOException;
import java.util.List;
import java.util.TreeSet;
import org.lakepg.storage.FullPageImage;
import org.lakepg.storage.PageKey;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.local.layer.LayerFile;
import org.lakepg.storage.local.layer.LayerFileWriter;

/**
 * Writes image layers: once enough delta layers piled up since the last image, every page the timeline itself has
 * written is materialized at the newest delta's end LSN. Reads then start from the image instead of redoing long
 * delta chains, and GC may drop the deltas below it.
 */
public final class Compactor {

    private final PageReconstructor pages;
    private final Checkpointer checkpointer;

    public Compactor(PageReconstructor pages, Checkpointer checkpointer) {
        this.pages = pages;
        this.checkpointer = checkpointer;
    }

    /**
     * Enough deltas piled up, and — so that a large, slowly changing timeline is not rewritten whole for a few
     * changes — they add up to at least {@code image_delta_ratio} percent of the last image's size.
     */
    private static boolean worthAnImage(List<LayerFile> files, List<LayerFile> newer, long newestImage,
            org.lakepg.storage.local.StoreOptions options) {
        if (newer.size() < options.imageAfterDeltas()) {
            return false;
        }
        long deltaBytes = newer.stream().mapToLong(LayerFile::fileSize).sum();
        long imageBytes = files.stream().filter(f -> f.kind() == LayerFile.Kind.IMAGE && f.endLsn() == newestImage)
                .mapToLong(LayerFile::fileSize).sum();
        return deltaBytes * 100 >= imageBytes * options.imageDeltaPercent();
    }

    /** Creates an image layer if {@code force} or the delta count since the last image reached the threshold. */
    public boolean compact(TimelineStore t, boolean force) {
        t.maintenanceLock.lock();
        try {
            List<LayerFile> files = t.layers.files();
            long newestImage = files.stream().filter(f -> f.kind() == LayerFile.Kind.IMAGE)
                    .mapToLong(LayerFile::endLsn).max().orElse(-1);
            List<LayerFile> newer = files.stream()
                    .filter(f -> f.kind() == LayerFile.Kind.DELTA && f.endLsn() > newestImage).toList();
            if (newer.isEmpty() || t.deleted || (!force && !worthAnImage(files, newer, newestImage, t.options))) {
                return false;
            }
            long at = newer.stream().mapToLong(LayerFile::endLsn).max().orElseThrow();
            TreeSet<PageKey> keys = new TreeSet<>();
            for (LayerFile f : files) {
                f.keysUpTo(at, keys);
            }
            String name = String.format("image-%016X.layer", at);
            LayerFile image;
            try (LayerFileWriter writer = new LayerFileWriter(t.dir.resolve("layers").resolve(name), LayerFile.Kind.IMAGE, at, at)) {
                for (PageKey key : keys) {
                    if (key.block() < t.sizeAt(key.relation(), key.fork(), at)) {
                        writer.add(key, at, true, true, new FullPageImage(key, pages.reconstruct(t, key, at, false)));
                    }
                }
                image = writer.finish();
                checkpointer.addBytesWritten(writer.bytesWritten());
            }
            t.layers = t.layers.withFiles(List.of(image), List.of());
            checkpointer.writeManifest(t, t.checkpointLsn);
            return true;
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "compaction of timeline " + t + " failed: " + e.getMessage(), e);
        } finally {
            t.maintenanceLock.unlock();
        }
    }
}
