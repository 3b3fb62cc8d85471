package org.lakepg.wire.protocol;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A bare socket speaking protocol v3 byte by byte, for tests that must send what no driver sends. */
final class RawPgClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawPgClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /** Startup packet with protocol major.minor and name=value parameters. */
    static byte[] startup(int major, int minor, List<String> parameters) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ByteBuffer.allocate(4).putShort((short) major).putShort((short) minor).array());
        for (String parameter : parameters) {
            int eq = parameter.indexOf('=');
            body.writeBytes(cstring(parameter.substring(0, eq)));
            body.writeBytes(cstring(parameter.substring(eq + 1)));
        }
        body.write(0);
        return withLength(body.toByteArray());
    }

    /** A typed message with its length filled in. */
    static byte[] message(char type, byte[] body) {
        byte[] framed = new byte[5 + body.length];
        framed[0] = (byte) type;
        ByteBuffer.wrap(framed, 1, 4).putInt(4 + body.length);
        System.arraycopy(body, 0, framed, 5, body.length);
        return framed;
    }

    static byte[] cstring(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        byte[] result = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, result, 0, bytes.length);
        return result;
    }

    private static byte[] withLength(byte[] body) {
        return ByteBuffer.allocate(4 + body.length).putInt(4 + body.length).put(body).array();
    }

    /** One raw byte (the answer to SSLRequest/GSSENCRequest); -1 at EOF. */
    int readByte() throws IOException {
        return in.read();
    }

    /** The pre-3.0 error format: 'E' and one string. */
    String readLegacyError() throws IOException {
        int type = in.read();
        if (type != 'E') {
            throw new IOException("expected a protocol-2 error, got " + type);
        }
        return readCString(in);
    }

    /** The next message rendered as text (see {@link #render}), or "<EOF>"; skips ParameterStatus and BackendKeyData. */
    String readMessage() throws IOException {
        while (true) {
            int type;
            byte[] body;
            try {
                type = in.read();
                if (type < 0) {
                    return "<EOF>";
                }
                int length = in.readInt();
                body = new byte[length - 4];
                in.readFully(body);
            } catch (EOFException e) {
                return "<EOF>";
            } catch (java.net.SocketException e) {
                return "<EOF>"; // connection reset after a FATAL counts as closed
            }
            if (type == 'S' || type == 'K') {
                continue;
            }
            return render((char) type, body);
        }
    }

    /** True when nothing more arrives within the given time. */
    boolean quietFor(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            in.read();
            return false; // a byte, or an unexpected EOF

        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout(5000);
        }
    }

    /** Messages as one line of text that does not depend on the server build (no F/L/R fields, no keys). */
    static String render(char type, byte[] body) throws IOException {
        DataInputStream r = new DataInputStream(new java.io.ByteArrayInputStream(body));
        StringBuilder line = new StringBuilder().append(type);
        switch (type) {
            case 'E', 'N' -> {
                for (int code = r.read(); code > 0; code = r.read()) {
                    String value = readCString(r);
                    if ("SCMDHP".indexOf(code) >= 0) {
                        line.append(' ').append((char) code).append('=').append(value);
                    }
                }
            }
            case 'Z' -> line.append(' ').append((char) r.read());
            case 'R' -> line.append(' ').append(r.readInt());
            case 'C' -> line.append(' ').append(readCString(r));
            case 'v' -> {
                line.append(' ').append(r.readInt());
                int count = r.readInt();
                for (int i = 0; i < count; i++) {
                    line.append(' ').append(readCString(r));
                }
            }
            case 't' -> {
                int count = r.readShort();
                for (int i = 0; i < count; i++) {
                    line.append(' ').append(r.readInt());
                }
            }
            case 'T' -> {
                int count = r.readShort();
                for (int i = 0; i < count; i++) {
                    line.append(' ').append(readCString(r)).append(':').append(r.readInt()).append(':')
                            .append(r.readShort()).append(':').append(r.readInt()).append(':').append(r.readShort())
                            .append(':').append(r.readInt()).append(':').append(r.readShort());
                }
            }
            case 'D' -> {
                int count = r.readShort();
                for (int i = 0; i < count; i++) {
                    int length = r.readInt();
                    if (length < 0) {
                        line.append(" NULL");
                    } else {
                        byte[] value = r.readNBytes(length);
                        line.append(" x").append(HexFormat.of().formatHex(value));
                    }
                }
            }
            default -> {
                if (body.length > 0) {
                    line.append(" x").append(HexFormat.of().formatHex(body));
                }
            }
        }
        return line.toString();
    }

    /** Logs in as a trusted user and reads up to ReadyForQuery. */
    List<String> login(String user, String database) throws IOException {
        send(startup(3, 0, List.of("user=" + user, "database=" + database)));
        List<String> messages = new ArrayList<>();
        String message;
        do {
            message = readMessage();
            messages.add(message);
        } while (!message.startsWith("Z") && !message.equals("<EOF>"));
        return messages;
    }

    /** Reads the login answer up to ReadyForQuery; returns BackendKeyData's process id and secret. */
    int[] readUntilReadyReturningBackendKey() throws IOException {
        int[] key = null;
        while (true) {
            int type = in.read();
            byte[] body = new byte[in.readInt() - 4];
            in.readFully(body);
            if (type == 'K') {
                ByteBuffer b = ByteBuffer.wrap(body);
                key = new int[] {b.getInt(), b.getInt()};
            } else if (type == 'Z') {
                return key;
            } else if (type == 'E') {
                throw new IOException("login failed: " + render('E', body));
            }
        }
    }

    private static String readCString(DataInputStream r) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = r.read(); b > 0; b = r.read()) {
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
