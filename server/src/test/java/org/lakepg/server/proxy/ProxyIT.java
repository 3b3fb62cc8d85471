package org.lakepg.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;

/**
 * The serverless proxy in front of real compute processes (lakepg start, spawned by the proxy): a connection wakes
 * the compute, an idle compute is stopped (its process exits) and the next connection wakes it again with all
 * committed data; cancel requests reach the right compute; bad endpoints get a PostgreSQL error.
 */
class ProxyIT {
    private static ProxyServer proxy;
    private static Path data;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        data = dir;
        var launcher = new ProcessComputeLauncher(ProcessComputeLauncher.thisJvm(),
                List.of("--data", data.resolve("data").toString()), data.resolve("logs"), true, true);
        launcher.prepareSpare();
        Path cert = data.resolve("server.crt");
        Path key = data.resolve("server.key");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost")
                .redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertThat(openssl.waitFor()).isZero();
        proxy = ProxyServer.start(InetAddress.getLoopbackAddress(), 0, launcher, Duration.ofSeconds(2),
                ProxyTls.fromPem(cert, key));
    }

    @AfterAll
    static void stop() throws java.io.IOException {
        if (proxy != null) {
            proxy.close();
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + proxy.address().getPort() + "/" + database
                + "?user=postgres&connectTimeout=60");
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void awaitSuspended() throws InterruptedException {
        for (int i = 0; i < 300 && proxy.computeRunning("postgres"); i++) {
            Thread.sleep(100);
        }
    }

    @Test
    void aSuspendedComputeIsWokenByTheNextConnectionWithEverythingCommitted() throws Exception {
        try (Connection c = connect("postgres")) {
            c.createStatement().execute("create table px_t (id int primary key, v text)");
            c.createStatement().execute("insert into px_t values (1, 'before suspend')");
            assertThat(proxy.computeRunning("postgres")).isTrue();
        }
        awaitSuspended();
        assertThat(proxy.computeRunning("postgres")).isFalse();
        long wakeUps = proxy.wakeUps();
        try (Connection c = connect("postgres")) {
            assertThat(one(c, "select v from px_t where id = 1")).isEqualTo("before suspend");
            c.createStatement().execute("insert into px_t values (2, 'after wake')");
        }
        assertThat(proxy.wakeUps()).isEqualTo(wakeUps + 1);
        awaitSuspended();
        try (Connection c = connect("postgres")) {
            assertThat(one(c, "select string_agg(v, ',') from (select v from px_t order by id) s"))
                    .isEqualTo("before suspend,after wake");
        }
    }

    @Test
    void concurrentFirstConnectionsShareOneWakeUp() throws Exception {
        awaitSuspended();
        long wakeUps = proxy.wakeUps();
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> calls = java.util.Collections.nCopies(4, () -> {
                try (Connection c = connect("postgres")) {
                    return one(c, "select 40 + 2");
                }
            });
            for (Future<String> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo("42");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(proxy.wakeUps()).isEqualTo(wakeUps + 1);
    }

    @Test
    void cancelRequestsReachTheComputeThroughTheProxy() throws Exception {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            var canceller = Executors.newSingleThreadScheduledExecutor();
            try {
                canceller.schedule(() -> {
                    try {
                        s.cancel();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }, 1, java.util.concurrent.TimeUnit.SECONDS);
                assertThatThrownBy(() -> s.execute(
                        "select count(*) from generate_series(1, 1000000) a, generate_series(1, 100000) b"))
                        .isInstanceOf(PSQLException.class)
                        .satisfies(e -> assertThat(((PSQLException) e).getSQLState()).isEqualTo("57014"));
            } finally {
                canceller.shutdownNow();
            }
            assertThat(one(c, "select 'still here'")).isEqualTo("still here");
        }
    }

    @Test
    void tlsEndsAtTheProxyAndPlainConnectionsStillWork() throws Exception {
        String tls = psql("sslmode=require", "\\conninfo");
        assertThat(tls).contains("SSL connection (protocol: TLS");
        assertThat(psql("sslmode=require", "select 'over tls'")).contains("over tls");
        String plain = psql("sslmode=disable", "\\conninfo");
        assertThat(plain).doesNotContain("SSL connection").contains("You are connected to database \"postgres\"");
    }

    private static String psql(String sslmode, String command) throws Exception {
        Process p = new ProcessBuilder("psql", "-X", "-At", "-c", command, "host=127.0.0.1 port="
                + proxy.address().getPort() + " user=postgres dbname=postgres connect_timeout=60 " + sslmode)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    /** Records the sockets pgjdbc opens, so a test knows the client's own port. */
    public static final class RecordingSocketFactory extends javax.net.SocketFactory {
        static final java.util.Queue<java.net.Socket> SOCKETS = new java.util.concurrent.ConcurrentLinkedQueue<>();

        @Override
        public java.net.Socket createSocket() {
            java.net.Socket s = new java.net.Socket();
            SOCKETS.add(s);
            return s;
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.net.Socket createSocket(String host, int port, InetAddress local, int localPort) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.net.Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.net.Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void theComputeSeesTheClientsAddressNotTheProxys() throws Exception {
        RecordingSocketFactory.SOCKETS.clear();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + proxy.address().getPort()
                + "/postgres?user=postgres&connectTimeout=60&sslmode=disable&socketFactory="
                + RecordingSocketFactory.class.getName())) {
            int clientPort = RecordingSocketFactory.SOCKETS.peek().getLocalPort();
            assertThat(one(c, "select inet_client_port()")).isEqualTo(Integer.toString(clientPort));
            assertThat(one(c, "select client_port from pg_stat_activity where pid = pg_backend_pid()"))
                    .isEqualTo(Integer.toString(clientPort));
            assertThat(one(c, "select host(inet_client_addr())")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void errorsOfTheComputeReachTheClient() {
        assertThatThrownBy(() -> connect("no_such_db").close())
                .isInstanceOf(PSQLException.class)
                .hasMessageContaining("database \"no_such_db\" does not exist");
    }
}
