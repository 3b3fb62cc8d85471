package org.lakepg.server.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The smallest PostgreSQL protocol client that drives a session through the same code a real client does: a
 * standby compute uses it against a scratch server of its own to warm up (class loading and JIT of the wire,
 * parser, planner, executor and storage paths), so that a wake-up does not pay for them. Trust authentication
 * only; errors returned by the server are collected, not thrown (warm-up statements may fail harmlessly).
 */
final class WarmUpClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private int errors;

    private WarmUpClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
    }

    static WarmUpClient connect(InetSocketAddress address, String user, String database) throws IOException {
        WarmUpClient client = new WarmUpClient(new Socket(address.getAddress(), address.getPort()));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream b = new DataOutputStream(body);
        b.writeInt(196608); // protocol 3.0
        for (String s : new String[] {"user", user, "database", database, "application_name", "lakepg standby warm-up"}) {
            cstring(b, s);
        }
        b.writeByte(0);
        client.out.writeInt(body.size() + 4);
        body.writeTo(client.out);
        client.out.flush();
        client.readUntilReady();
        return client;
    }

    /** Runs one statement with the simple query protocol and reads its whole answer. */
    void simpleQuery(String sql) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        cstring(new DataOutputStream(body), sql);
        message('Q', body);
        out.flush();
        readUntilReady();
    }

    /** Parse, Bind with text parameters, Describe, Execute and Sync: the extended protocol as drivers use it. */
    void extendedQuery(String sql, String... parameters) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream b = new DataOutputStream(body);
        cstring(b, "");
        cstring(b, sql);
        b.writeShort(0);
        message('P', body);
        body.reset();
        cstring(b, "");
        cstring(b, "");
        b.writeShort(0);
        b.writeShort(parameters.length);
        for (String p : parameters) {
            byte[] bytes = p.getBytes(StandardCharsets.UTF_8);
            b.writeInt(bytes.length);
            b.write(bytes);
        }
        b.writeShort(0);
        message('B', body);
        body.reset();
        b.writeByte('P');
        cstring(b, "");
        message('D', body);
        body.reset();
        cstring(b, "");
        b.writeInt(0);
        message('E', body);
        body.reset();
        message('S', body);
        out.flush();
        readUntilReady();
    }

    /**
     * COPY ... FROM STDIN with {@code data} (its rows in text format), sent in CopyData messages of 8 kB as psql and
     * pgbench send them.
     */
    void copyIn(String sql, String data) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        cstring(new DataOutputStream(body), sql);
        message('Q', body);
        out.flush();
        if (!readUntil('G')) {
            return; // refused: the error is counted and the server is ready again
        }
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at < bytes.length; at += 8192) {
            body.reset();
            body.write(bytes, at, Math.min(8192, bytes.length - at));
            message('d', body);
        }
        body.reset();
        message('c', body);
        out.flush();
        readUntilReady();
    }

    /** How many statements the server answered with an error. */
    int errors() {
        return errors;
    }

    private void message(char type, ByteArrayOutputStream body) throws IOException {
        out.writeByte(type);
        out.writeInt(body.size() + 4);
        body.writeTo(out);
    }

    private void readUntilReady() throws IOException {
        readUntil('Z');
    }

    /** Reads messages up to {@code wanted}: true when it came, false when the server was ready for a query first. */
    private boolean readUntil(char wanted) throws IOException {
        while (true) {
            int type = in.readUnsignedByte();
            int length = in.readInt();
            in.skipNBytes(length - 4);
            if (type == wanted) {
                return true;
            }
            switch (type) {
                case 'Z' -> {
                    return false;
                }
                case 'E' -> errors++;
                case 'R', 'S', 'K', 'T', 'D', 'C', 'N', 'I', '1', '2', 't', 'n', 's' -> {
                }
                default -> throw new IOException("unexpected message '" + (char) type + "' during warm-up");
            }
        }
    }

    private static void cstring(DataOutputStream b, String s) throws IOException {
        b.write(s.getBytes(StandardCharsets.UTF_8));
        b.writeByte(0);
    }

    @Override
    public void close() throws IOException {
        try {
            out.writeByte('X');
            out.writeInt(4);
            out.flush();
        } finally {
            socket.close();
        }
    }
}
