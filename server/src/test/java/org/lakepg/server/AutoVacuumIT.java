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
