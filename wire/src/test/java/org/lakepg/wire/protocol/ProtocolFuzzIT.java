package org.lakepg.wire.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Throws random and mutated messages (flipped bytes, truncations, wrong lengths, random types) at a
 * real server from a seeded Random, then proves it still serves a fresh connection, a connection
 * that was open all along is unaffected, and no connection, session or thread was left behind.
 */
class ProtocolFuzzIT {
    private static final long SEED = Long.getLong("lakepg.fuzzSeed", 20261126L);
    private static final int CONNECTIONS = 400;
    private static final int MESSAGES_PER_CONNECTION = 30;

    @Test
    void serverSurvivesMalformedTraffic() throws Exception {
        int threadsBefore = Thread.activeCount();
        try (WireTestServer server = new WireTestServer(PgServerOptions.of("127.0.0.1", 0).withMaxMessageSize(1 << 20));
             Connection bystander = server.connect()) {
            AtomicLong sent = new AtomicLong();
            AtomicLong received = new AtomicLong();
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                long seed = SEED + i;
                runs.add(pool.submit(() -> {
                    fuzzOneConnection(server.port(), new Random(seed), sent, received);
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("fuzz: %d messages over %d connections in %d ms, %d response bytes (seed %d)%n", sent.get(),
                    CONNECTIONS, elapsedMillis, received.get(), SEED);
            System.out.println("fuzz responses: " + new java.util.TreeMap<>(RESPONSES));
            assertThat(sent.get()).isGreaterThanOrEqualTo(10_000);
            assertThat(elapsedMillis).as("bounded time").isLessThan(60_000);

            ProtocolTranscriptIT.assertFreshConnectionWorks(server.port());
            try (ResultSet rs = bystander.createStatement().executeQuery("select 1")) {
                assertThat(rs.next()).isTrue();
            }
            awaitOnlyConnections(server, 1);
            assertThat(server.engine.openSessions()).isEqualTo(1);
        }
        // event loops are gone after close; allow some slack for JDK-internal threads
        awaitCondition(() -> Thread.activeCount() <= threadsBefore + 2);
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 2);
    }

    private static void fuzzOneConnection(int port, Random random, AtomicLong sent, AtomicLong received) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(100);
            socket.setTcpNoDelay(true);
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            if (random.nextInt(10) == 0) {
                stream.writeBytes(mutate(validStartup(random), random));
                sent.incrementAndGet();
            } else {
                stream.writeBytes(RawPgClient.startup(3, 0, List.of("user=fuzz", "database=fuzz")));
            }
            for (int i = 0; i < MESSAGES_PER_CONNECTION; i++) {
                byte[] message = validMessage(random);
                stream.writeBytes(random.nextInt(2) == 0 ? message : mutate(message, random));
                sent.incrementAndGet();
            }
            try {
                socket.getOutputStream().write(stream.toByteArray());
            } catch (IOException closedByServer) {
                return; // the server hung up (a FATAL): fine
            }
            received.addAndGet(drain(socket.getInputStream()));
        }
    }

    /** Reads whatever comes until the server is quiet for a moment or closes. */
    private static long drain(InputStream in) {
        byte[] buffer = new byte[8192];
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n); // keep reading so the server never blocks on a full socket
            }
        } catch (SocketTimeoutException quiet) {
            // done
        } catch (IOException reset) {
            // connection reset after a FATAL
        }
        countResponses(all.toByteArray());
        return all.size();
    }

    /** Tallies response message types and error codes, printed as the run's figures. */
    private static void countResponses(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (b.remaining() == 1) {
            RESPONSES.merge("byte " + (char) b.get(), 1, Integer::sum);
            return;
        }
        while (b.remaining() >= 5) {
            char type = (char) b.get();
            int length = b.getInt();
            if (length < 4 || length - 4 > b.remaining()) {
                RESPONSES.merge("unparsable", 1, Integer::sum);
                return;
            }
            byte[] body = new byte[length - 4];
            b.get(body);
            String key = String.valueOf(type);
            if (type == 'E') {
                String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
                int c = text.indexOf("\0C");
                key = "E " + text.substring(c + 2, c + 7) + (text.contains("SFATAL") ? " FATAL" : "");
            }
            RESPONSES.merge(key, 1, Integer::sum);
        }
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, Integer> RESPONSES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static byte[] validStartup(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> ByteBuffer.allocate(8).putInt(8).putInt(80877103).array();
            case 1 -> ByteBuffer.allocate(16).putInt(16).putInt(80877102).putInt(random.nextInt()).putInt(random.nextInt()).array();
            default -> RawPgClient.startup(3, 0, List.of("user=fuzz", "database=fuzz", "options=-c a=b"));
        };
    }

    private static byte[] validMessage(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> RawPgClient.message('Q', RawPgClient.cstring(random.nextBoolean() ? "select 1" : "series 20"));
            case 1 -> RawPgClient.message('P', concat(RawPgClient.cstring(random.nextBoolean() ? "" : "s" + random.nextInt(3)),
                    RawPgClient.cstring("select $1"), shorts(1), ints(random.nextBoolean() ? 23 : 0)));
            case 2 -> RawPgClient.message('B', concat(RawPgClient.cstring(""), RawPgClient.cstring(""), shorts(1, 1),
                    shorts(1), ints(4, random.nextInt()), shorts(1, 1)));
            case 3 -> RawPgClient.message('D', concat(new byte[] {(byte) (random.nextBoolean() ? 'S' : 'P')}, RawPgClient.cstring("")));
            case 4 -> RawPgClient.message('E', concat(RawPgClient.cstring(""), ints(random.nextInt(3))));
            case 5 -> RawPgClient.message('C', concat(new byte[] {'S'}, RawPgClient.cstring("s1")));
            case 6 -> RawPgClient.message('H', new byte[0]);
            case 7 -> RawPgClient.message('d', randomBytes(random, random.nextInt(20)));
            case 8 -> RawPgClient.message('Q', RawPgClient.cstring("copy t from stdin"));
            case 9 -> RawPgClient.message('c', new byte[0]);
            case 10 -> random.nextInt(10) == 0
                    ? RawPgClient.message((char) random.nextInt(256), randomBytes(random, random.nextInt(10)))
                    : RawPgClient.message('f', RawPgClient.cstring("fuzz"));
            default -> RawPgClient.message('S', new byte[0]);
        };
    }

    /**
     * Mostly mutations inside a correctly framed body (they reach the message parsers and the
     * session state machine); sometimes frame damage that ends the connection.
     */
    private static byte[] mutate(byte[] message, Random random) {
        boolean typed = message.length >= 5 && ByteBuffer.wrap(message, 1, 4).getInt() == message.length - 1;
        if (typed && random.nextInt(20) != 0) {
            return mutateBody(message, random);
        }
        return mutateFrame(message, random);
    }

    private static byte[] mutateBody(byte[] message, Random random) {
        byte[] body = java.util.Arrays.copyOfRange(message, 5, message.length);
        switch (random.nextInt(3)) {
            case 0 -> {
                for (int i = 0, flips = 1 + random.nextInt(3); i < flips && body.length > 0; i++) {
                    body[random.nextInt(body.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> body = java.util.Arrays.copyOf(body, body.length == 0 ? 0 : random.nextInt(body.length));
            default -> body = concat(body, randomBytes(random, 1 + random.nextInt(8)));
        }
        return RawPgClient.message((char) message[0], body);
    }

    /** Flip bytes, truncate, rewrite the length, or change the type. */
    private static byte[] mutateFrame(byte[] message, Random random) {
        byte[] copy = message.clone();
        switch (random.nextInt(5)) {
            case 0 -> {
                for (int i = 0, flips = 1 + random.nextInt(3); i < flips; i++) {
                    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> copy = java.util.Arrays.copyOf(copy, random.nextInt(copy.length));
            case 2 -> {
                int at = copy.length >= 5 && Character.isLetter(copy[0]) ? 1 : 0;
                int length = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(4);
                    case 1 -> random.nextInt();
                    case 2 -> 10_001 + random.nextInt(100);
                    default -> ByteBuffer.wrap(copy, at, 4).getInt() + random.nextInt(9) - 4;
                };
                if (copy.length >= at + 4) {
                    ByteBuffer.wrap(copy, at, 4).putInt(length);
                }
            }
            case 3 -> copy[0] = (byte) random.nextInt(256);
            default -> copy = concat(copy, randomBytes(random, random.nextInt(8)));
        }
        return copy;
    }

    private static void awaitOnlyConnections(WireTestServer server, int expected) throws InterruptedException {
        awaitCondition(() -> server.server.connectionCount() == expected && server.engine.openSessions() == expected);
        assertThat(server.server.connectionCount()).isEqualTo(expected);
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static byte[] shorts(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(2 * values.length);
        for (int v : values) {
            buffer.putShort((short) v);
        }
        return buffer.array();
    }

    private static byte[] ints(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length);
        for (int v : values) {
            buffer.putInt(v);
        }
        return buffer.array();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
