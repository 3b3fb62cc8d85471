package org.lakepg.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lakepg.server.cli.ServerConfig;
import org.lakepg.storage.local.FileUtil;

/**
 * A lakepg server started in-process on a free loopback port over a fresh temporary data directory, for ITs that
 * share one server across their tests; closing stops it and deletes the directory.
 */
public final class TestServer implements AutoCloseable {
    private final LakepgServer server;
    private final Path data;

    private TestServer(LakepgServer server, Path data) {
        this.server = server;
        this.data = data;
    }

    public static TestServer start(String name) throws Exception {
        return start(name, List.of());
    }

    /** @param arguments more command-line arguments, e.g. {@code -c max_connections=5} */
    public static TestServer start(String name, List<String> arguments) throws Exception {
        Path data = Files.createTempDirectory("lakepg-" + name);
        List<String> all = new java.util.ArrayList<>(List.of("--port", "0", "--data", data.toString()));
        all.addAll(arguments);
        return new TestServer(LakepgServer.start(ServerConfig.parse(all, Map.of())), data);
    }

    public LakepgServer server() {
        return server;
    }

    public java.net.InetSocketAddress address() {
        return server.address();
    }

    /** The JDBC URL of database postgres as user postgres. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + server.address().getPort() + "/postgres?user=postgres";
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } finally {
            FileUtil.deleteRecursively(data);
        }
    }
}
