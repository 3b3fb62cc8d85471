package org.lakepg.wire.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One recorded exchange from transcripts.txt: steps to send and messages to expect, in order. */
record ProtocolTranscript(String name, boolean lakepgOnly, List<String> steps) {
    private static final Pattern TOKEN = Pattern.compile("\"[^\"]*\"|\\S+");

    static List<ProtocolTranscript> load(String resource) throws IOException {
        List<ProtocolTranscript> transcripts = new ArrayList<>();
        try (InputStream in = ProtocolTranscript.class.getResourceAsStream(resource)) {
            String name = null;
            boolean lakepgOnly = false;
            List<String> steps = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("=== ")) {
                    if (name != null) {
                        transcripts.add(new ProtocolTranscript(name, lakepgOnly, steps));
                    }
                    name = line.substring(4);
                    lakepgOnly = false;
                    steps = new ArrayList<>();
                } else if (line.startsWith("lakepg-only:")) {
                    lakepgOnly = true;
                } else if (line.startsWith("> ") || line.startsWith("< ")) {
                    steps.add(line);
                }
            }
            if (name != null) {
                transcripts.add(new ProtocolTranscript(name, lakepgOnly, steps));
            }
        }
        return transcripts;
    }

    /** Runs the transcript against a server; returns what was received, rendered like the expectations. */
    List<String> replay(int port, List<String> expected) throws IOException {
        List<String> received = new ArrayList<>();
        try (RawPgClient client = new RawPgClient(port)) {
            for (String step : steps) {
                String text = step.substring(2);
                if (step.startsWith("> ")) {
                    send(client, text);
                } else {
                    expected.add(text);
                    received.add(receive(client, text));
                }
            }
            boolean endsWithEof = !expected.isEmpty() && expected.getLast().equals("<EOF>");
            if (!endsWithEof && !client.quietFor(200)) {
                received.add("<unexpected extra data or EOF>");
            }
        }
        return received;
    }

    private static void send(RawPgClient client, String text) throws IOException {
        List<String> tokens = tokens(text);
        String head = tokens.getFirst();
        switch (head) {
            case "login" -> {
                List<String> login = client.login("postgres", "postgres");
                if (!login.getLast().equals("Z I")) {
                    throw new IOException("login failed: " + login);
                }
            }
            case "startup" -> {
                String[] version = tokens.get(1).split("\\.");
                client.send(RawPgClient.startup(Integer.parseInt(version[0]), Integer.parseInt(version[1]),
                        tokens.subList(2, tokens.size())));
            }
            case "raw" -> client.send(HexFormat.of().parseHex(String.join("", tokens.subList(1, tokens.size()))));
            default -> client.send(RawPgClient.message(head.charAt(0), body(tokens.subList(1, tokens.size()))));
        }
    }

    private static String receive(RawPgClient client, String expectation) throws IOException {
        if (expectation.startsWith("byte ")) {
            int b = client.readByte();
            return b < 0 ? "<EOF>" : "byte " + (char) b;
        }
        if (expectation.startsWith("legacy ")) {
            return "legacy " + client.readLegacyError().replace("\n", "\\n");
        }
        return client.readMessage();
    }

    private static byte[] body(List<String> fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String field : fields) {
            if (field.startsWith("\"")) {
                body.writeBytes(RawPgClient.cstring(field.substring(1, field.length() - 1)));
            } else if (field.startsWith("i16:")) {
                body.writeBytes(ByteBuffer.allocate(2).putShort(Short.parseShort(field.substring(4))).array());
            } else if (field.startsWith("i32:")) {
                body.writeBytes(ByteBuffer.allocate(4).putInt(Integer.parseInt(field.substring(4))).array());
            } else if (field.startsWith("x:")) {
                body.writeBytes(HexFormat.of().parseHex(field.substring(2)));
            } else if (field.startsWith("b:")) {
                body.write(field.charAt(2));
            } else {
                throw new IllegalArgumentException("bad field " + field);
            }
        }
        return body.toByteArray();
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(steps.toArray());
    }
}
