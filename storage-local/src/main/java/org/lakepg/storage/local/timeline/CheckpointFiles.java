package org.lakepg.storage.local.timeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.local.FileUtil;
import org.lakepg.storage.local.wal.SegmentedWal;

/**
 * A timeline's last checkpoint as files, for a store that copies it elsewhere (the pageserver uploads it to S3) and
 * later rebuilds a timeline from such a copy: the {@code checkpoint} file's bytes (live layers, relation history,
 * commit segment summaries, GC horizon) and the files it names next to the layers: layer files and commit segment
 * files (both in {@code layerFiles}, restored into the same directory). They are immutable, so copying them is safe;
 * one may be removed by GC or a merge after the capture, and then a newer checkpoint no longer names it.
 */
public record CheckpointFiles(Timeline timeline, long checkpointLsn, long gcCutoff, List<Path> layerFiles,
        byte[] checkpointFile) {

    public CheckpointFiles {
        Objects.requireNonNull(timeline, "timeline");
        layerFiles = List.copyOf(layerFiles);
        Objects.requireNonNull(checkpointFile, "checkpointFile");
    }

    /** The timeline's last checkpoint, or null if it was never checkpointed. */
    public static CheckpointFiles capture(TimelineStore t) {
        t.maintenanceLock.lock();
        try {
            t.checkNotDeleted();
            Path file = t.dir.resolve(CheckpointManifest.NAME);
            if (!Files.exists(file)) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            CheckpointManifest manifest = CheckpointManifest.read(t.dir);
            Path layers = t.dir.resolve("layers");
            return new CheckpointFiles(t.meta, manifest.checkpointLsn(), manifest.gcCutoff(),
                    manifest.files().stream().map(layers::resolve).toList(), bytes);
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO,
                    "could not read the checkpoint of timeline " + t + ": " + e.getMessage(), e);
        } finally {
            t.maintenanceLock.unlock();
        }
    }

    /** The file names a copied {@code checkpoint} file names: layers and commit segments (what a restore must put in place). */
    public static List<String> layerNames(byte[] checkpointFile) {
        try {
            Path tmp = Files.createTempDirectory("lakepg-checkpoint");
            try {
                Files.write(tmp.resolve(CheckpointManifest.NAME), checkpointFile);
                return CheckpointManifest.read(tmp).files();
            } finally {
                FileUtil.deleteRecursively(tmp);
            }
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not parse a checkpoint: " + e.getMessage(), e);
        }
    }

    /**
     * Lays out a timeline directory under {@code <dataDir>/timelines} from a copied checkpoint (before the store is
     * opened): metadata, the checkpoint file, an empty WAL. Returns the directory its layer files must be put in;
     * opening the store then replays nothing and continues at the checkpoint LSN. A null checkpoint (the timeline
     * was never checkpointed) lays out a timeline that starts empty at its branch LSN.
     */
    public static Path restore(Path dataDir, Timeline timeline, byte[] checkpointFile) {
        Path dir = dataDir.resolve("timelines").resolve(timeline.id().toString());
        try {
            if (Files.exists(dir)) {
                FileUtil.deleteRecursively(dir);
            }
            Files.createDirectories(dir.resolve("layers"));
            TimelineMetadataFile.writeNew(dir, timeline);
            if (checkpointFile == null) {
                Files.createDirectories(dir.resolve("wal"));
                FileUtil.fsyncDirectory(dir.getParent());
                return dir.resolve("layers");
            }
            FileUtil.writeAtomically(dir.resolve(CheckpointManifest.NAME), checkpointFile);
            CheckpointManifest manifest = CheckpointManifest.read(dir); // fails here, not at open, if the copy is corrupt
            SegmentedWal.createEmpty(dir.resolve("wal"), manifest.checkpointLsn());
            FileUtil.fsyncDirectory(dir.getParent());
            return dir.resolve("layers");
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO,
                    "could not restore timeline " + timeline.id() + " in " + dir + ": " + e.getMessage(), e);
        }
    }
}
