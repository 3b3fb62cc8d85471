package org.lakepg.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StartupPacketTest {

    private static byte[] startup(String... keyValues) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream b = new DataOutputStream(body);
        b.writeInt(StartupPacket.PROTOCOL_3);
        for (String s : keyValues) {
            b.write(s.getBytes(StandardCharsets.UTF_8));
            b.write(0);
        }
        b.write(0);
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        new DataOutputStream(packet).writeInt(body.size() + 4);
        body.writeTo(packet);
        return packet.toByteArray();
    }

    private static StartupPacket read(byte[] bytes) throws IOException {
        return StartupPacket.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    @Test
    void anAddedParameterIsReadBackWithTheOthersAndTheLengthIsRight() throws IOException {
        StartupPacket first = read(startup("user", "postgres", "database", "shop", "options", "-c lakepg.branch=dev"));
        StartupPacket more = first.withParameter("lakepg_proxy.client_addr", "10.1.2.3 54321");
        StartupPacket again = read(more.bytes());
        assertThat(again.parameters()).containsExactly(
                java.util.Map.entry("user", "postgres"), java.util.Map.entry("database", "shop"),
                java.util.Map.entry("options", "-c lakepg.branch=dev"),
                java.util.Map.entry("lakepg_proxy.client_addr", "10.1.2.3 54321"));
        assertThat(again.code()).isEqualTo(StartupPacket.PROTOCOL_3);
        assertThat(again.endpoint()).isEqualTo("shop@dev");
    }

    @Test
    void theEndpointIsTheDatabaseOrTheUserWithoutOne() throws IOException {
        assertThat(read(startup("user", "alice")).endpoint()).isEqualTo("alice");
        assertThat(read(startup("user", "alice", "database", "postgres@dev")).endpoint()).isEqualTo("postgres@dev");
    }

    @Test
    void aReplicaConnectionHasAnEndpointOfItsOwn() throws IOException {
        assertThat(read(startup("user", "u", "database", "shop", "options", "-c lakepg.replica=on")).endpoint())
                .isEqualTo("shop" + ComputeLauncher.REPLICA_SUFFIX);
        assertThat(read(startup("user", "u", "database", "shop", "options", "-c lakepg.branch=dev --lakepg.replica=true"))
                .endpoint()).isEqualTo("shop@dev" + ComputeLauncher.REPLICA_SUFFIX);
        assertThat(read(startup("user", "u", "database", "shop", "options", "-c lakepg.replica=off")).endpoint())
                .isEqualTo("shop");
        assertThat(read(startup("user", "u", "database", "shop", "options",
                "-c lakepg.replica=on -c lakepg.replica=off")).endpoint()).as("the last one wins").isEqualTo("shop");
        // not a Boolean: the primary's compute refuses it with PostgreSQL's message
        assertThat(read(startup("user", "u", "database", "shop", "options", "-c lakepg.replica=maybe")).endpoint())
                .isEqualTo("shop");
    }
}
