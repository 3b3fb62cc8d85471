package org.lakepg.storage.cloud.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** PgPing against a loopback socket that answers the startup packet with one scripted protocol message. */
class PgPingTest {

    @Test
    void readyForQueryIsReady() throws Exception {
        assertThat(pingAgainst('Z', new byte[] {'I'})).isTrue();
    }

    @Test
    void aPasswordRequestMeansTheServerIsUp() throws Exception {
        assertThat(pingAgainst('R', authRequest(10))).as("SASL (SCRAM)").isTrue();
        assertThat(pingAgainst('R', authRequest(5))).as("MD5").isTrue();
        assertThat(pingAgainst('R', authRequest(3))).as("cleartext").isTrue();
    }

    @Test
    void anAuthenticationRefusalMeansTheServerIsUp() throws Exception {
        assertThat(pingAgainst('E', error("28P01"))).isTrue();
        assertThat(pingAgainst('E', error("28000"))).isTrue();
    }

    @Test
    void startingUpAndOtherErrorsAreNotReady() throws Exception {
        assertThat(pingAgainst('E', error("57P03"))).isFalse();
        assertThat(pingAgainst('E', error("3D000"))).isFalse();
    }

    @Test
    void aClosedPortIsNotReady() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(PgPing.ready("127.0.0.1", port, 500)).isFalse();
    }

    private static boolean pingAgainst(char type, byte[] body) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    in.readNBytes(in.readInt() - 4); // the startup packet
                    DataOutputStream out = new DataOutputStream(s.getOutputStream());
                    out.write(type);
                    out.writeInt(body.length + 4);
                    out.write(body);
                    out.flush();
                    in.read(); // wait until the client hangs up
                } catch (Exception ignored) {
                    // the client may close first
                }
            });
            boolean ready = PgPing.ready("127.0.0.1", server.getLocalPort(), 2000);
            answer.join(2000);
            return ready;
        }
    }

    private static byte[] authRequest(int code) {
        return new byte[] {0, 0, 0, (byte) code};
    }

    private static byte[] error(String sqlState) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String field : new String[] {"SFATAL", "C" + sqlState, "Mscripted"}) {
            b.write(field.getBytes(StandardCharsets.UTF_8));
            b.write(0);
        }
        b.write(0);
        return b.toByteArray();
    }
}
