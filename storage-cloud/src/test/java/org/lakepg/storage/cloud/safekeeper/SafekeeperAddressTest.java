package org.lakepg.storage.cloud.safekeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SafekeeperAddressTest {

    @Test
    void parsesTheCommandLineForm() {
        assertThat(SafekeeperAddress.parseList("1@127.0.0.1:7001, 2@localhost:7002,3@sk3.example:7003"))
                .containsExactly(new SafekeeperAddress(1, "127.0.0.1", 7001), new SafekeeperAddress(2, "localhost", 7002),
                        new SafekeeperAddress(3, "sk3.example", 7003));
        assertThat(SafekeeperAddress.parse("12@[::1]:80")).isEqualTo(new SafekeeperAddress(12, "[::1]", 80));
        assertThat(new SafekeeperAddress(2, "h", 9).toString()).isEqualTo("2@h:9");
    }

    @Test
    void rejectsMalformedAddresses() {
        for (String bad : List.of("127.0.0.1:7001", "x@h:1", "1@:7001", "1@h", "1@h:", "1@h:99999")) {
            assertThatThrownBy(() -> SafekeeperAddress.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> SafekeeperAddress.parseList(" , ")).isInstanceOf(IllegalArgumentException.class);
    }
}
