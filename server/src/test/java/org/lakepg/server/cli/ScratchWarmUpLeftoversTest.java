package org.lakepg.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A standby killed while warming up leaves its scratch directory; the next standby deletes it, not a live one's. */
class ScratchWarmUpLeftoversTest {

    @Test
    void deletesOnlyTheDirectoriesOfProcessesThatAreGone() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path dead = Files.createTempDirectory(tmp, ScratchWarmUp.PREFIX + gone.pid() + "-");
        Files.writeString(dead.resolve("file"), "x");
        Path live = Files.createTempDirectory(tmp, ScratchWarmUp.PREFIX + ProcessHandle.current().pid() + "-");
        try {
            ScratchWarmUp.deleteLeftovers();
            assertThat(dead).doesNotExist();
            assertThat(live).exists();
        } finally {
            Files.deleteIfExists(live);
        }
    }
}
