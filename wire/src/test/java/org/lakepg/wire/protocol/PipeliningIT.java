package org.lakepg.wire.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Thousands of extended-protocol messages in one write before a single Sync: every response comes
 * back in order, and reading from the socket pauses and resumes while the session works through them.
 */
class PipeliningIT {

    @Test
    void thousandsOfMessagesBeforeOneSync() throws Exception {
        int executions = 3000;
        try (WireTestServer server = new WireTestServer(); RawPgClient client = new RawPgClient(server.port())) {
            assertThat(client.login("pipeline", "db")).last().isEqualTo("Z I");
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            batch.writeBytes(RawPgClient.message('P', concat(RawPgClient.cstring("s"), RawPgClient.cstring("select $1"),
                    ByteBuffer.allocate(6).putShort((short) 1).putInt(23).array())));
            for (int i = 0; i < executions; i++) {
                batch.writeBytes(RawPgClient.message('B', concat(RawPgClient.cstring(""), RawPgClient.cstring("s"),
                        ByteBuffer.allocate(16).putShort((short) 1).putShort((short) 1).putShort((short) 1).putInt(4)
                                .putInt(i).putShort((short) 0).array())));
                batch.writeBytes(RawPgClient.message('E', concat(RawPgClient.cstring(""), new byte[4])));
            }
            batch.writeBytes(RawPgClient.message('S', new byte[0]));
            client.send(batch.toByteArray());

            assertThat(client.readMessage()).isEqualTo("1");
            Map<Character, Integer> counts = new HashMap<>();
            for (int i = 0; i < executions; i++) {
                assertThat(client.readMessage()).isEqualTo("2");
                assertThat(client.readMessage()).isEqualTo("D x" + hex(Integer.toString(i)));
                assertThat(client.readMessage()).isEqualTo("C SELECT 1");
                counts.merge('E', 1, Integer::sum);
            }
            assertThat(client.readMessage()).isEqualTo("Z I");
            assertThat(counts.get('E')).isEqualTo(executions);
            assertThat(client.quietFor(200)).isTrue();
        }
    }

    private static String hex(String text) {
        return java.util.HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
