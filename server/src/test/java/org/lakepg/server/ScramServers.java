package org.lakepg.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.lakepg.server.cli.ServerConfig;

/** An in-process server that asks every client for a SCRAM password, with the superuser "super", and logins to it. */
final class ScramServers {
    private ScramServers() {}

    static ServerConfig config(Path dir) {
        return new ServerConfig("127.0.0.1", 0, dir, "local", Optional.empty(), Optional.empty(),
                "all=scram-sha-256", Optional.of("super"), Map.of());
    }

    static Connection connect(LakepgServer server, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.address().getPort() + "/postgres", p);
    }
}
