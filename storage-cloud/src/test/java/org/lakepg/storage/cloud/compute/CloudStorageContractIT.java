package org.lakepg.storage.cloud.compute;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.lakepg.storage.Storage;
import org.lakepg.storage.contract.AbstractStorageContractTest;

/**
 * The storage contract every store owes the compute, for the compute's cloud store: WAL through three real
 * safekeepers, pages and timelines from a pageserver that ingests that WAL and keeps its layers in S3Proxy.
 * Reopening a directory opens a new compute (a new generation) against the same running cluster.
 */
class CloudStorageContractIT extends AbstractStorageContractTest {

    private final Map<Path, CloudStack> stacks = new HashMap<>();

    @Override
    protected Storage openStorage(Path dir) {
        CloudStack stack = stacks.computeIfAbsent(dir, CloudStack::new);
        return stack.openCompute(dir.resolve("compute"));
    }

    @AfterEach
    void stopStacks() throws IOException {
        for (CloudStack stack : stacks.values()) {
            stack.close();
        }
        stacks.clear();
    }
}
