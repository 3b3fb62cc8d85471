package org.lakepg.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StorageLoadTest {

    @Test
    void unknownProviderNamesTheAvailableOnes() {
        // storage-spi alone has no provider on its class path
        assertThatThrownBy(() -> Storage.load("nope", StorageConfig.of(Path.of("/tmp/none"))))
                .isInstanceOf(StorageException.class)
                .hasMessage("storage provider \"nope\" not found; available: none (is a storage module on the class path?)");
    }
}
