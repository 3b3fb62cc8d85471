package org.lakepg.storage.cloud.rpc;

import java.nio.file.Path;
import org.lakepg.storage.Storage;
import org.lakepg.storage.contract.AbstractStorageContractTest;

/** The storage contract every store owes the compute, with pages and timelines served by the pageserver over RPC. */
class PageserverContractIT extends AbstractStorageContractTest {

    @Override
    protected Storage openStorage(Path dir) {
        return new PageserverBackedStorage(dir);
    }
}
