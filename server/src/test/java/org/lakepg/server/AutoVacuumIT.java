package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.server.cli.ServerConfig;

/** The server runs autovacuum by default (as PostgreSQL does) and not with {@code autovacuum = off}. */
class AutoVacuumIT {

    @Test
    void updatedTablesAreVacuumedWithoutAskingAndStayBounded(@TempDir Path data) throws Exception {
        try (LakepgServer server = LakepgServer.start(ServerConfig.parse(List.of("--port", "0", "--data",
                data.toString(), "-c", "autovacuum_naptime=1"), Map.of()))) {
            assertThat(server.autovacuum()).isNotNull();
            String url = "jdbc:postgresql://127.0.0.1:" + server.address().getPort() + "/postgres?user=postgres";
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("create table av (id int primary key, k int, pad text)");
                s.execute("create index av_k on av (k)");
                s.execute("insert into av select g, g, repeat('x', 200) from generate_series(1, 200) g");
                // changing an indexed column: no HOT, every version needs new index entries and leaves a dead one
                List<Long> sizes = new ArrayList<>();
                for (int round = 1; round <= 30; round++) {
                    s.execute("update av set k = k + 1000");
                    if (round % 10 == 0) {
                        Thread.sleep(2500); // naptime is 1 s
                        sizes.add(size(s, "select pg_relation_size('av')"));
                    }
                }
                assertThat(server.autovacuum().runs()).isPositive();
                // 30 rounds without vacuum would need ~30x the live rows' pages; vacuum keeps it to a few times that
                long live = size(s, "select count(*) from av");
                assertThat(live).isEqualTo(200);
                assertThat(sizes.get(2)).as("heap sizes %s", sizes).isLessThanOrEqualTo(sizes.get(0) * 2);
                try (ResultSet rs = s.executeQuery("select sum(k) from av")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(200L * 201 / 2 + 200L * 30_000);
                }
            }
        }
    }

    /** As in PostgreSQL, autovacuum skips a table whose lock it cannot take at once (e.g. during CREATE INDEX). */
    @Test
    void aTableLockedAgainstVacuumIsSkippedUntilItsLockIsReleased(@TempDir Path data) throws Exception {
        try (LakepgServer server = LakepgServer.start(ServerConfig.parse(List.of("--port", "0", "--data",
                data.toString(), "-c", "autovacuum_naptime=1"), Map.of()))) {
            String url = "jdbc:postgresql://127.0.0.1:" + server.address().getPort() + "/postgres?user=postgres";
            try (Connection a = DriverManager.getConnection(url); Statement sa = a.createStatement();
                 Connection b = DriverManager.getConnection(url); Statement sb = b.createStatement()) {
                sb.execute("create table avl (id int primary key, k int)");
                sb.execute("insert into avl select g, g from generate_series(1, 300) g");
                a.setAutoCommit(false);
                sa.execute("lock table avl in share update exclusive mode");
                long before = server.autovacuum().runs();
                sb.execute("update avl set k = k + 1"); // ROW EXCLUSIVE: does not wait for the lock
                sb.execute("update avl set k = k + 1");
                Thread.sleep(3000); // naptime is 1 s
                assertThat(server.autovacuum().runs()).as("vacuum runs while the table is locked").isEqualTo(before);
                a.commit();
                for (int i = 0; i < 100 && server.autovacuum().runs() == before; i++) {
                    Thread.sleep(100);
                }
                assertThat(server.autovacuum().runs()).isGreaterThan(before);
                assertThat(size(sb, "select sum(k) from avl")).isEqualTo(300L * 301 / 2 + 600);
            }
        }
    }

    @Test
    void autovacuumOffStartsNone(@TempDir Path data) throws Exception {
        try (LakepgServer server = LakepgServer.start(ServerConfig.parse(List.of("--port", "0", "--data",
                data.toString(), "-c", "autovacuum=off"), Map.of()))) {
            assertThat(server.autovacuum()).isNull();
        }
    }

    private static long size(Statement s, String query) throws Exception {
        try (ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
