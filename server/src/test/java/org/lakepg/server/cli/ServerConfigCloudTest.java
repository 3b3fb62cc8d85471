package org.lakepg.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lakepg start --storage cloud}: which flags it needs and which storage options they become. */
class ServerConfigCloudTest {

    @TempDir
    java.nio.file.Path dir;

    @Test
    void cloudFlagsBecomeStorageOptions() throws Exception {
        ServerConfig config = ServerConfig.parse(List.of("--data", dir.toString(), "--storage", "cloud",
                "--safekeepers", "1@127.0.0.1:7001,2@127.0.0.1:7002,3@127.0.0.1:7003",
                "--pageserver=127.0.0.1:6400", "--s3-endpoint", "http://127.0.0.1:9000", "--bucket", "b"), Map.of());
        assertThat(config.storage()).isEqualTo("cloud");
        assertThat(config.storageOptions()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "safekeepers", "1@127.0.0.1:7001,2@127.0.0.1:7002,3@127.0.0.1:7003",
                "pageserver", "127.0.0.1:6400", "s3_endpoint", "http://127.0.0.1:9000", "bucket", "b"));
    }

    @Test
    void theEnvironmentCanSayWhereTheSafekeepersAre() throws Exception {
        ServerConfig config = ServerConfig.parse(List.of("--data", dir.toString(), "--storage", "cloud"),
                Map.of("LAKEPG_SAFEKEEPERS", "1@h:1", "LAKEPG_PAGESERVER", "h:2"));
        assertThat(config.storageOptions()).containsEntry("safekeepers", "1@h:1").containsEntry("pageserver", "h:2");
    }

    @Test
    void cloudNeedsBothAddressesAndTheFlagsNeedCloud() {
        assertThatThrownBy(() -> ServerConfig.parse(List.of("--data", dir.toString(), "--storage", "cloud",
                "--safekeepers", "1@h:1"), Map.of()))
                .isInstanceOf(ServerConfig.UsageException.class).hasMessage("--storage cloud needs --pageserver");
        assertThatThrownBy(() -> ServerConfig.parse(List.of("--data", dir.toString(), "--pageserver", "h:2"), Map.of()))
                .isInstanceOf(ServerConfig.UsageException.class).hasMessage("--pageserver needs --storage cloud");
    }

    @Test
    void replicaIsASwitchOfCloudComputesOnly() throws Exception {
        ServerConfig replica = ServerConfig.parse(List.of("--data", dir.toString(), "--storage", "cloud", "--replica",
                "--safekeepers", "1@h:1", "--pageserver", "h:2"), Map.of());
        assertThat(replica.replica()).isTrue();
        assertThat(replica.storageOptions()).containsEntry("replica", "on").containsEntry("pageserver", "h:2");
        ServerConfig primary = ServerConfig.parse(List.of("--data", dir.toString(), "--storage", "cloud",
                "--safekeepers", "1@h:1", "--pageserver", "h:2"), Map.of());
        assertThat(primary.replica()).isFalse();
        assertThat(primary.storageOptions()).doesNotContainKey("replica");
        assertThatThrownBy(() -> ServerConfig.parse(List.of("--data", dir.toString(), "--replica"), Map.of()))
                .isInstanceOf(ServerConfig.UsageException.class).hasMessage("--replica needs --storage cloud");
    }

    @Test
    void theEmbeddedStoreNeedsNoOptions() throws Exception {
        ServerConfig config = ServerConfig.parse(List.of("--data", dir.toString()), Map.of());
        assertThat(config.storage()).isEqualTo("local");
        assertThat(config.storageOptions()).isEmpty();
    }
}
