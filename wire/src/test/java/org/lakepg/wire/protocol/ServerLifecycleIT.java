package org.lakepg.wire.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Shutdown, CancelRequest keys and a client that does not read: each over raw sockets. */
class ServerLifecycleIT {

    @Test
    void closeSendsAdminShutdownToEverySessionAndFreesThePort() throws Exception {
        WireTestServer server = new WireTestServer();
        int port = server.port();
        try (RawPgClient idle = new RawPgClient(port); RawPgClient busy = new RawPgClient(port)) {
            assertThat(idle.login("a", "db")).last().isEqualTo("Z I");
            assertThat(busy.login("b", "db")).last().isEqualTo("Z I");
            busy.send(RawPgClient.message('Q', RawPgClient.cstring("sleep 30")));
            Thread.sleep(200);
            long start = System.nanoTime();
            server.close();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
            String fatal = "E S=FATAL C=57P01 M=terminating connection due to administrator command";
            assertThat(idle.readMessage()).isEqualTo(fatal);
            assertThat(idle.readMessage()).isEqualTo("<EOF>");
            List<String> busyMessages = new ArrayList<>();
            for (String m = busy.readMessage(); !m.equals("<EOF>"); m = busy.readMessage()) {
                busyMessages.add(m);
            }
            assertThat(busyMessages).contains(fatal);
        }
        assertThat(server.server.connectionCount()).isZero();
        assertThat(server.engine.openSessions()).isZero();
        try (java.net.ServerSocket reuse = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(reuse.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void cancelRequestNeedsTheRightKey() throws Exception {
        try (WireTestServer server = new WireTestServer(); RawPgClient client = new RawPgClient(server.port())) {
            int[] key = loginAndReadKey(client);
            client.send(RawPgClient.message('Q', RawPgClient.cstring("sleep 1")));
            sendCancel(server.port(), key[0], key[1] + 1); // wrong secret: ignored
            assertThat(client.readMessage()).isEqualTo("C SLEEP");
            assertThat(client.readMessage()).isEqualTo("Z I");

            client.send(RawPgClient.message('Q', RawPgClient.cstring("sleep 30")));
            Thread.sleep(100);
            sendCancel(server.port(), key[0], key[1]);
            assertThat(client.readMessage()).isEqualTo("E S=ERROR C=57014 M=canceling statement due to user request");
            assertThat(client.readMessage()).isEqualTo("Z I");
        }
    }

    @Test
    void aClientThatStopsReadingStallsOnlyItself() throws Exception {
        try (WireTestServer server = new WireTestServer();
             RawPgClient hog = new RawPgClient(server.port()); RawPgClient other = new RawPgClient(server.port())) {
            assertThat(hog.login("hog", "db")).last().isEqualTo("Z I");
            assertThat(other.login("other", "db")).last().isEqualTo("Z I");
            int rows = 300_000;
            hog.send(RawPgClient.message('Q', RawPgClient.cstring("series " + rows)));
            Thread.sleep(300); // the server fills the socket buffers and waits for the hog to read
            for (int i = 0; i < 20; i++) {
                other.send(RawPgClient.message('Q', RawPgClient.cstring("select 1")));
                assertThat(List.of(other.readMessage(), other.readMessage(), other.readMessage(), other.readMessage()))
                        .containsExactly("T ?column?:0:0:23:4:-1:0", "D x31", "C SELECT 1", "Z I");
            }
            int dataRows = 0;
            for (String m = hog.readMessage(); !m.startsWith("Z"); m = hog.readMessage()) {
                if (m.startsWith("D")) {
                    dataRows++;
                }
            }
            assertThat(dataRows).isEqualTo(rows);
        }
    }

    private static int[] loginAndReadKey(RawPgClient client) throws Exception {
        client.send(RawPgClient.startup(3, 0, List.of("user=canceller", "database=db")));
        return client.readUntilReadyReturningBackendKey();
    }

    private static void sendCancel(int port, int processId, int secret) throws Exception {
        try (RawPgClient canceller = new RawPgClient(port)) {
            canceller.send(ByteBuffer.allocate(16).putInt(16).putInt(80877102).putInt(processId).putInt(secret).array());
            assertThat(canceller.readMessage()).isEqualTo("<EOF>");
        }
    }
}
