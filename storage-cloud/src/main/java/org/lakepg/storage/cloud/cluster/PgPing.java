package org.lakepg.storage.cloud.cluster;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Whether a Postgres server accepts a session: a protocol-3 startup as user postgres to database postgres, waiting
 * for ReadyForQuery — what psql needs before its first query. Trust authentication only (the cluster listens on
 * loopback, where lakepg trusts by default).
 */
public final class PgPing {

    private PgPing() {
    }

    /** True once the server at {@code host:port} says ReadyForQuery; false on refusal, error or timeout. */
    public static boolean ready(String host, int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream b = new DataOutputStream(body);
            b.writeInt(196608); // protocol 3.0
            for (String s : new String[] {"user", "postgres", "database", "postgres"}) {
                b.write(s.getBytes(StandardCharsets.UTF_8));
                b.write(0);
            }
            b.write(0);
            out.writeInt(body.size() + 4);
            body.writeTo(out);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return false;
                }
                int length = in.readInt();
                byte[] payload = in.readNBytes(length - 4);
                if (type == 'Z') {
                    out.write('X'); // Terminate
                    out.writeInt(4);
                    out.flush();
                    return true;
                }
                boolean passwordWanted = type == 'R' && (payload.length < 4 || payload[3] != 0 || payload[0] != 0);
                if (type == 'E' || passwordWanted) {
                    return false;
                }
            }
        } catch (IOException e) {
            return false;
        }
    }
}
