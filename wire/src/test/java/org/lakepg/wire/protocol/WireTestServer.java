package org.lakepg.wire.protocol;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.lakepg.wire.protocol.testengine.TestAuthentication;
import org.lakepg.wire.protocol.testengine.TestEngine;

/** A real {@link PgServer} on a free loopback port in front of the test engine. */
public final class WireTestServer implements AutoCloseable {
    public final TestEngine engine = new TestEngine();
    public final PgServer server;

    public WireTestServer() throws InterruptedException {
        this(PgServerOptions.of("127.0.0.1", 0));
    }

    public WireTestServer(PgServerOptions options) throws InterruptedException {
        server = PgServer.start(options, engine, new TestAuthentication());
    }

    public static WireTestServer withTls(Path certificate, Path key) throws InterruptedException {
        return new WireTestServer(PgServerOptions.of("127.0.0.1", 0).withTls(certificate, key));
    }

    public int port() {
        return server.address().getPort();
    }

    public String url(String query) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/test" + (query.isEmpty() ? "" : "?" + query);
    }

    public Connection connect() throws SQLException {
        return connect("trusted", null, "");
    }

    public Connection connect(String user, String password, String query) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("sslmode", "disable");
        return DriverManager.getConnection(url(query), properties);
    }

    @Override
    public void close() {
        server.close();
    }
}
