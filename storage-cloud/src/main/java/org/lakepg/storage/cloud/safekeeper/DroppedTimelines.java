package org.lakepg.storage.cloud.safekeeper;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.local.FileUtil;

/**
 * Removing a dropped timeline's directory ({@code root/<timeline id>}) on a safekeeper, in either protocol. The
 * directory is first renamed out of the way (atomic), so a crash half-way leaves nothing that looks like a live
 * timeline; {@link #removeLeftovers} finishes such a removal when the safekeeper starts.
 */
public final class DroppedTimelines {

    private static final String SUFFIX = ".deleted";

    private DroppedTimelines() {
    }

    public static void remove(Path root, TimelineId id) {
        Path dir = root.resolve(id.toString());
        Path doomed = root.resolve(id + SUFFIX);
        try {
            if (Files.exists(dir)) {
                Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
            }
            FileUtil.deleteRecursively(doomed);
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not delete timeline " + id + ": " + e.getMessage(), e);
        }
    }

    public static void removeLeftovers(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(root, "*" + SUFFIX)) {
            for (Path leftover : leftovers) {
                FileUtil.deleteRecursively(leftover);
            }
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "could not clean up " + root + ": " + e.getMessage(), e);
        }
    }
}
