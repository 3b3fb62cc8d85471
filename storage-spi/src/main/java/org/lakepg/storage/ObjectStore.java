package org.lakepg.storage;

import java.util.List;
import java.util.Optional;

/**
 * Immutable blobs by key (S3-like): a put is atomic (readers see the whole old or the whole new object), keys are
 * '/'-separated paths without "." or ".." segments.
 */
public interface ObjectStore {

    void put(String key, byte[] data);

    Optional<byte[]> get(String key);

    /** Keys starting with {@code prefix}, in lexicographic order. */
    List<String> list(String prefix);

    /** Deletes the object; deleting a missing key is not an error. */
    void delete(String key);
}
