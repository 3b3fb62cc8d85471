package org.lakepg.storage.cloud.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterFileTest {

    @TempDir
    Path dir;

    @Test
    void portsAndProcessesSurviveARereadAndOnlyTheSameProcessCounts() throws Exception {
        ClusterFile file = ClusterFile.in(dir);
        assertThat(file.exists()).isFalse();
        file.setPort("pageserver", 6400);
        file.setProcess("pageserver", ProcessHandle.current());
        file.save();

        ClusterFile again = ClusterFile.in(dir);
        assertThat(again.port("pageserver")).contains(6400);
        assertThat(again.port("s3")).isEmpty();
        assertThat(again.process("pageserver")).map(ProcessHandle::pid).contains(ProcessHandle.current().pid());

        // a recorded pid whose start time differs is some other process that reused the pid: never ours
        String text = Files.readString(dir.resolve(ClusterFile.NAME));
        Files.writeString(dir.resolve(ClusterFile.NAME), text.replaceAll("pageserver\\.started=\\d+", "pageserver.started=1"));
        assertThat(ClusterFile.in(dir).process("pageserver")).isEmpty();

        again.clearProcess("pageserver");
        again.save();
        assertThat(ClusterFile.in(dir).pid("pageserver")).isEmpty();
        assertThat(ClusterFile.in(dir).port("pageserver")).contains(6400);
    }
}
