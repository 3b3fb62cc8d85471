package org.lakepg.wire.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays protocol/transcripts.txt over raw sockets and compares every message. Against lakepg it
 * also proves after each transcript that a fresh connection still works. With
 * {@code -Dlakepg.referencePort=N} the same transcripts run against a real PostgreSQL 15 instead,
 * which checks the expectations themselves.
 */
class ProtocolTranscriptIT {
    private static final Integer REFERENCE_PORT = Integer.getInteger("lakepg.referencePort");
    private static WireTestServer server;

    @BeforeAll
    static void start() throws InterruptedException {
        if (REFERENCE_PORT == null) {
            server = new WireTestServer();
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> transcripts() throws Exception {
        boolean reference = REFERENCE_PORT != null;
        int port = reference ? REFERENCE_PORT : server.port();
        return ProtocolTranscript.load("/protocol/transcripts.txt").stream()
                .filter(t -> !(reference && t.lakepgOnly()))
                .map(t -> DynamicTest.dynamicTest(t.name(), () -> {
                    List<String> expected = new ArrayList<>();
                    List<String> received = t.replay(port, expected);
                    assertThat(received).as(t.name()).containsExactlyElementsOf(expected);
                    if (!reference) {
                        assertFreshConnectionWorks(port);
                    }
                }));
    }

    static void assertFreshConnectionWorks(int port) throws Exception {
        try (RawPgClient client = new RawPgClient(port)) {
            assertThat(client.login("postgres", "postgres")).last().isEqualTo("Z I");
            client.send(RawPgClient.message('Q', RawPgClient.cstring("select 1")));
            assertThat(List.of(client.readMessage(), client.readMessage(), client.readMessage(), client.readMessage()))
                    .containsExactly("T ?column?:0:0:23:4:-1:0", "D x31", "C SELECT 1", "Z I");
        }
    }
}
