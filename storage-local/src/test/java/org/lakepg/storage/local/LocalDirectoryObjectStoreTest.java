package org.lakepg.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.lakepg.storage.ObjectStore;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.contract.AbstractObjectStoreContractTest;
import org.lakepg.storage.contract.FaultInjectingObjectStore;
import org.lakepg.storage.local.objects.LocalDirectoryObjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryObjectStoreTest extends AbstractObjectStoreContractTest {

    @TempDir
    Path dir;

    @Override
    protected ObjectStore emptyStore() {
        return new LocalDirectoryObjectStore(dir.resolve("objects"));
    }

    @Test
    void injectedFailuresStoreNothing() {
        ObjectStore real = emptyStore();
        FaultInjectingObjectStore flaky = new FaultInjectingObjectStore(real, 1, 1.0);
        assertThatThrownBy(() -> flaky.put("a", new byte[] {1})).isInstanceOf(StorageException.class)
                .hasMessage("injected failure of put \"a\"");
        assertThat(real.get("a")).isEmpty();
        flaky.setFailureRate(0);
        flaky.put("a", new byte[] {1});
        assertThat(real.list("")).containsExactly("a");
    }
}
