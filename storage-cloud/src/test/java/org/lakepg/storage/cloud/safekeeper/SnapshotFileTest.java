package org.lakepg.storage.cloud.safekeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.cloud.safekeeper.TimelineLog.TimelineState;

class SnapshotFileTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsAndDetectsDamage() throws Exception {
        List<TimelineState> states = List.of(new TimelineState(TimelineId.random(), 3, 0, 5000, 4096),
                new TimelineState(TimelineId.random(), 1, 800, 800, 800));
        Path file = dir.resolve("snapshot.1_10");
        SnapshotFile.write(file, states);
        assertThat(SnapshotFile.read(file)).isEqualTo(states);

        byte[] bytes = Files.readAllBytes(file);
        bytes[20] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> SnapshotFile.read(file)).isInstanceOf(StorageException.class).hasMessageContaining("checksum");
    }
}
