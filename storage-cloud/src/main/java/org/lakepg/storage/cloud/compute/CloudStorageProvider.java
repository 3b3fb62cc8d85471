package org.lakepg.storage.cloud.compute;

import org.lakepg.storage.Storage;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.StorageProvider;

/** Registers the cloud store (safekeepers + pageserver) under the name "cloud". */
public final class CloudStorageProvider implements StorageProvider {

    @Override
    public String name() {
        return "cloud";
    }

    @Override
    public Storage open(StorageConfig config) {
        return CloudStorage.open(config);
    }
}
