package org.lakepg.wire.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.PGConnection;

/**
 * The same conversation whoever does the session's socket I/O (its own platform or virtual thread, or Netty's event
 * loops): queries, the extended protocol, COPY in and out, a CancelRequest on a second connection, a client that
 * leaves in the middle of a statement, and server shutdown: FATAL 57P01 to an idle session, and no endless wait for
 * a session blocked writing to a client that stopped reading.
 */
class SessionIoModesIT {

    @ParameterizedTest
    @EnumSource(SessionIo.class)
    void aWholeSessionWorksInEveryMode(SessionIo io) throws Exception {
        WireTestServer server = new WireTestServer(PgServerOptions.of("127.0.0.1", 0).withSessionIo(io));
        try (Connection c = server.connect(); RawPgClient raw = new RawPgClient(server.port())) {
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("select generate_series(1,3)")) {
                int n = 0;
                while (rows.next()) {
                    assertThat(rows.getInt(1)).isEqualTo(++n);
                }
                assertThat(n).isEqualTo(3);
            }
            try (var prepared = c.prepareStatement("echo ?")) {
                prepared.setString(1, "hello");
                try (ResultSet rows = prepared.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("hello");
                }
            }
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            assertThat(copy.copyIn("copy t from stdin", new java.io.StringReader("alpha\nbeta\n"))).isEqualTo(2);
            java.io.StringWriter out = new java.io.StringWriter();
            copy.copyOut("copy t to stdout", out);
            assertThat(out.toString()).contains("alpha\nbeta\n");

            raw.send(RawPgClient.startup(3, 0, List.of("user=canceller", "database=db")));
            int[] key = raw.readUntilReadyReturningBackendKey();
            raw.send(RawPgClient.message('Q', RawPgClient.cstring("sleep 30")));
            Thread.sleep(100);
            try (RawPgClient canceller = new RawPgClient(server.port())) {
                canceller.send(ByteBuffer.allocate(16).putInt(16).putInt(80877102).putInt(key[0]).putInt(key[1]).array());
                assertThat(canceller.readMessage()).isEqualTo("<EOF>");
            }
            assertThat(raw.readMessage()).isEqualTo("E S=ERROR C=57014 M=canceling statement due to user request");
            assertThat(raw.readMessage()).isEqualTo("Z I");

            try (RawPgClient leaver = new RawPgClient(server.port())) {
                assertThat(leaver.login("leaver", "db")).last().isEqualTo("Z I");
                leaver.send(RawPgClient.message('Q', RawPgClient.cstring("series 100000")));
            }
            // a client that stopped reading blocks its session in a write: shutdown must not wait for it forever
            try (RawPgClient hog = new RawPgClient(server.port())) {
                assertThat(hog.login("hog", "db")).last().isEqualTo("Z I");
                hog.send(RawPgClient.message('Q', RawPgClient.cstring("series 300000")));
                Thread.sleep(300);
                long start = System.nanoTime();
                server.close();
                assertThat(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
                assertThat(raw.readMessage()).isEqualTo("E S=FATAL C=57P01 M=terminating connection due to administrator command");
                assertThat(raw.readMessage()).isEqualTo("<EOF>");
                for (int i = 0; i < 100 && server.server.connectionCount() > 0; i++) {
                    Thread.sleep(50);
                }
                assertThat(server.server.connectionCount()).isZero();
                assertThat(server.engine.openSessions()).isZero();
            }
        } finally {
            server.close();
        }
    }
}
