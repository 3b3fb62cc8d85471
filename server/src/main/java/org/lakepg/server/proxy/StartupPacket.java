package org.lakepg.server.proxy;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first packet of a PostgreSQL connection, read by the proxy before it knows where to send the connection: a
 * startup message (protocol 3.0 and its parameters), or an SSL/GSSENC/cancel request.
 */
record StartupPacket(int code, byte[] bytes, Map<String, String> parameters) {
    static final int PROTOCOL_3 = 196608;
    static final int CANCEL = 80877102;
    static final int SSL = 80877103;
    static final int GSSENC = 80877104;
    private static final int MAX_LENGTH = 10_000;

    static StartupPacket read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 8 || length > MAX_LENGTH) {
            throw new IOException("invalid startup packet length " + length);
        }
        byte[] bytes = new byte[length];
        bytes[0] = (byte) (length >>> 24);
        bytes[1] = (byte) (length >>> 16);
        bytes[2] = (byte) (length >>> 8);
        bytes[3] = (byte) length;
        in.readFully(bytes, 4, length - 4);
        int code = ((bytes[4] & 0xff) << 24) | ((bytes[5] & 0xff) << 16) | ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (code == PROTOCOL_3) {
            int at = 8;
            while (at < length && bytes[at] != 0) {
                int keyEnd = zero(bytes, at);
                int valueEnd = zero(bytes, keyEnd + 1);
                parameters.put(new String(bytes, at, keyEnd - at, StandardCharsets.UTF_8),
                        new String(bytes, keyEnd + 1, valueEnd - keyEnd - 1, StandardCharsets.UTF_8));
                at = valueEnd + 1;
            }
        }
        return new StartupPacket(code, bytes, parameters);
    }

    private static int zero(byte[] b, int from) throws IOException {
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        throw new IOException("unterminated string in startup packet");
    }

    /** The same startup message with one more parameter (placed before the terminating zero). */
    StartupPacket withParameter(String name, String value) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(bytes, 0, bytes.length - 1);
        out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.write(0);
        byte[] b = out.toByteArray();
        b[0] = (byte) (b.length >>> 24);
        b[1] = (byte) (b.length >>> 16);
        b[2] = (byte) (b.length >>> 8);
        b[3] = (byte) b.length;
        Map<String, String> more = new LinkedHashMap<>(parameters);
        more.put(name, value);
        return new StartupPacket(code, b, more);
    }

    /** A cancel request's backend process id. */
    int cancelProcessId() {
        return ((bytes[8] & 0xff) << 24) | ((bytes[9] & 0xff) << 16) | ((bytes[10] & 0xff) << 8) | (bytes[11] & 0xff);
    }

    /**
     * The endpoint a connection asks for: its database, a branch by startup option as the compute reads it, and
     * {@link ComputeLauncher#REPLICA_SUFFIX} when it asks for a read replica ({@code -c lakepg.replica=on}).
     */
    String endpoint() {
        String database = parameters.getOrDefault("database", parameters.getOrDefault("user", ""));
        String options = parameters.getOrDefault("options", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:-c\\s*|--)lakepg\\.branch=(\\S+)").matcher(options);
        String endpoint = m.find() && database.indexOf('@') < 0 ? database + "@" + m.group(1) : database;
        return replicaRequested(options) ? endpoint + ComputeLauncher.REPLICA_SUFFIX : endpoint;
    }

    /**
     * Whether the connection asks for a read replica. A value that is no Boolean is not one here: the compute
     * answers it with its own error.
     */
    private boolean replicaRequested(String options) {
        String value = parameters.get("lakepg.replica");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:-c\\s*|--)lakepg\\.replica=(\\S+)").matcher(options);
        while (m.find()) {
            value = m.group(1); // the last one wins, as in the compute
        }
        return value != null && java.util.List.of("on", "true", "yes", "1", "t", "y")
                .contains(value.trim().toLowerCase(java.util.Locale.ROOT));
    }
}
