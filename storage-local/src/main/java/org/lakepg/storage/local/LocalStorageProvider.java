package org.lakepg.storage.local;

import org.lakepg.storage.Storage;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.StorageProvider;

/** Registers the embedded store under the name "local". */
public final class LocalStorageProvider implements StorageProvider {

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Storage open(StorageConfig config) {
        return LocalStorage.open(config);
    }
}
