package org.lakepg.storage.cloud.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lakepg.storage.cloud.safekeeper.SafekeeperAddress;
import org.lakepg.storage.cloud.safekeeper.SafekeeperConfig;

class SafekeeperMainTest {

    @Test
    void parsesTheLauncherCommandLine() {
        SafekeeperConfig config = SafekeeperMain.parse(new String[] {"safekeeper", "--id", "2", "--port", "7002",
                "--data", "/tmp/sk2", "--peers", "1@127.0.0.1:7001,2@127.0.0.1:7002,3@127.0.0.1:7003", "--snapshot-every=64"});
        assertThat(config.id()).isEqualTo(2);
        assertThat(config.port()).isEqualTo(7002);
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/sk2"));
        assertThat(config.members()).hasSize(3).contains(new SafekeeperAddress(3, "127.0.0.1", 7003));
        assertThat(config.snapshotEveryEntries()).isEqualTo(64);
    }

    @Test
    void addsItselfWhenThePeersLeaveItOut() {
        SafekeeperConfig config = SafekeeperMain.parse(new String[] {"--id", "3", "--port", "7003", "--data", "d",
                "--peers", "1@h1:7001,2@h2:7002"});
        assertThat(config.members()).containsExactly(new SafekeeperAddress(1, "h1", 7001),
                new SafekeeperAddress(2, "h2", 7002), new SafekeeperAddress(3, "127.0.0.1", 7003));
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> SafekeeperMain.parse(new String[] {"--id", "1", "--port", "7001"}))
                .hasMessage("--data is required");
        assertThatThrownBy(() -> SafekeeperMain.parse(new String[] {"--id", "x", "--port", "7001", "--data", "d"}))
                .hasMessage("--id must be a number, not \"x\"");
        assertThatThrownBy(() -> SafekeeperMain.parse(new String[] {"--id", "1", "--port", "7001", "--data", "d", "--bogus", "1"}))
                .hasMessage("unknown option --bogus");
    }
}
