package org.lakepg.storage;

import java.util.List;
import java.util.Optional;

/**
 * Immutable blobs by key (S3-like): a put is atomic (readers see the whole old or the whole new object), keys are
 * '/'-separated paths without "." or ".." segments.
 */
public interface ObjectStore {

    void put(String key, byte[] data);

    /**
     * Puts the contents of {@code file} (which nobody changes meanwhile). A store that can stream a file (S3)
     * overrides this, so a large layer is never read into memory whole.
     */
    default void put(String key, java.nio.file.Path file) throws java.io.IOException {
        put(key, java.nio.file.Files.readAllBytes(file));
    }

    Optional<byte[]> get(String key);

    /** Keys starting with {@code prefix}, in lexicographic order. */
    List<String> list(String prefix);

    /** Deletes the object; deleting a missing key is not an error. */
    void delete(String key);
}
