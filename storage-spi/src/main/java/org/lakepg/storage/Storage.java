package org.lakepg.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * An open store: its WAL, pages, timelines and object store. Every method of every service is thread-safe. Close it
 * to flush and release files and threads.
 */
public interface Storage extends AutoCloseable {

    WalService wal();

    PageService pages();

    TimelineService timelines();

    ObjectStore objects();

    @Override
    void close();

    /** Opens the store of the provider called {@code name}, found with {@link ServiceLoader}. */
    static Storage load(String name, StorageConfig config) {
        List<String> available = new ArrayList<>();
        for (StorageProvider provider : ServiceLoader.load(StorageProvider.class)) {
            if (provider.name().equals(name)) {
                return provider.open(config);
            }
            available.add(provider.name());
        }
        throw StorageException.of(StorageException.Reason.NOT_FOUND,
                "storage provider \"%s\" not found; available: %s", name,
                available.isEmpty() ? "none (is a storage module on the class path?)" : String.join(", ", available));
    }
}
