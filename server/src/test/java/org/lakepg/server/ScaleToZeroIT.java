package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.server.cli.ServerConfig;

/** A database's compute is suspended after lakepg.suspend_timeout without sessions and wakes on the next connect. */
class ScaleToZeroIT {

    @Test
    void idleComputeIsSuspendedAndWakesWithEveryCommittedRow(@TempDir Path data) throws Exception {
        try (LakepgServer server = LakepgServer.start(ServerConfig.parse(List.of("--port", "0", "--data",
                data.toString(), "-c", "lakepg.suspend_timeout=1"), Map.of()))) {
            String url = "jdbc:postgresql://127.0.0.1:" + server.address().getPort() + "/postgres?user=postgres";
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("create table stz (id int primary key, v text)");
                for (int i = 1; i <= 500; i++) {
                    s.addBatch("insert into stz values (" + i + ", 'v" + i + "')");
                }
                s.executeBatch();
                // a connected session keeps its compute running however long it is idle
                Thread.sleep(2500);
                assertThat(server.cluster().runningComputes()).contains("postgres");
            }
            awaitSuspended(server, "postgres");
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*), sum(id) from stz")) {
                assertThat(server.cluster().runningComputes()).contains("postgres");
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(500);
                assertThat(rs.getLong(2)).isEqualTo(125250);
                s.execute("insert into stz values (501, 'after wake')");
            }
            awaitSuspended(server, "postgres");
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select v from stz where id = 501")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("after wake");
            }
        }
    }

    private static void awaitSuspended(LakepgServer server, String database) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (server.cluster().runningComputes().contains(database)) {
            assertThat(System.nanoTime()).as("compute of %s still running", database).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
