package org.lakepg.storage.cloud.cluster;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Whether a Postgres server accepts sessions: a protocol-3 startup as user postgres to database postgres. Ready is
 * ReadyForQuery (trust), a password request (the server is up and authenticating; psql would ask for the password) or
 * an authentication refusal (SQLSTATE class 28); "starting up" (57P03) and other errors are not ready yet.
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
                if (type == 'R' && authenticationRequest(payload) > 0) {
                    return true; // cleartext, MD5 or SASL: the server runs and only wants our password
                }
                if (type == 'E') {
                    return sqlState(payload).startsWith("28");
                }
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** The authentication code of an 'R' message: 0 is AuthenticationOk, anything else asks for credentials. */
    static int authenticationRequest(byte[] payload) {
        if (payload.length < 4) {
            return -1;
        }
        return ((payload[0] & 0xff) << 24) | ((payload[1] & 0xff) << 16) | ((payload[2] & 0xff) << 8)
                | (payload[3] & 0xff);
    }

    /** The SQLSTATE ('C' field) of an ErrorResponse body, or "" when absent. */
    static String sqlState(byte[] payload) {
        int i = 0;
        while (i < payload.length && payload[i] != 0) {
            byte field = payload[i++];
            int end = i;
            while (end < payload.length && payload[end] != 0) {
                end++;
            }
            if (field == 'C') {
                return new String(payload, i, end - i, StandardCharsets.UTF_8);
            }
            i = end + 1;
        }
        return "";
    }
}
