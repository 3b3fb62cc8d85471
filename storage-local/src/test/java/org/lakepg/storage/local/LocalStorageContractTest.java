package org.lakepg.storage.local;

import java.nio.file.Path;
import java.util.Map;
import org.lakepg.storage.Storage;
import org.lakepg.storage.StorageConfig;
import org.lakepg.storage.contract.AbstractStorageContractTest;

/** The shared storage contract, run against the local store found through ServiceLoader. */
class LocalStorageContractTest extends AbstractStorageContractTest {

    @Override
    protected Storage openStorage(Path dir) {
        return Storage.load("local", new StorageConfig(dir, Map.of("background", "false")));
    }
}
