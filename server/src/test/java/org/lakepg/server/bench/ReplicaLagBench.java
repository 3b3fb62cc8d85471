package org.lakepg.server.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.lakepg.server.LakepgServer;
import org.lakepg.server.cli.ServerConfig;

/**
 * Read-replica lag: time from a commit's acknowledgement on the primary to the first replica query that sees it,
 * for a few replay intervals. Run with {@code scripts/bench/replica-lag} (or java -cp &lt;test classpath&gt; this
 * class [rounds]).
 */
public final class ReplicaLagBench {
    private ReplicaLagBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        for (int intervalMs : new int[] {200, 50, 10}) {
            Path data = Files.createTempDirectory("lakepg-replica-bench");
            try (LakepgServer server = LakepgServer.start(ServerConfig.parse(List.of("--port", "0", "--data",
                    data.toString(), "-c", "lakepg.replica_replay_interval=" + intervalMs + "ms"), Map.of()))) {
                String url = "jdbc:postgresql://127.0.0.1:" + server.address().getPort() + "/postgres?user=postgres";
                try (Connection primary = DriverManager.getConnection(url);
                     Connection replica = DriverManager.getConnection(url + "&options=-c%20lakepg.replica=on")) {
                    execute(primary, "create table lag_t (id int primary key)");
                    long[] lagMicros = new long[rounds];
                    long[] queries = new long[rounds];
                    for (int i = 0; i < rounds; i++) {
                        execute(primary, "insert into lag_t values (" + i + ")");
                        long committed = System.nanoTime();
                        int polls = 0;
                        while (!sees(replica, i)) {
                            polls++;
                        }
                        lagMicros[i] = (System.nanoTime() - committed) / 1000;
                        queries[i] = polls + 1;
                    }
                    Arrays.sort(lagMicros);
                    System.out.printf("replay interval %3d ms: lag p50 %6.1f ms, p90 %6.1f ms, max %6.1f ms;"
                                    + " replica queries per commit (mean) %.1f%n", intervalMs,
                            lagMicros[rounds / 2] / 1000.0, lagMicros[rounds * 9 / 10] / 1000.0,
                            lagMicros[rounds - 1] / 1000.0, Arrays.stream(queries).average().orElse(0));
                }
            }
        }
    }

    private static boolean sees(Connection replica, int id) throws SQLException {
        try (Statement s = replica.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from lag_t where id = " + id)) {
            rs.next();
            return rs.getLong(1) == 1;
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return false; // the table is not there yet at the replica's LSN
            }
            throw e;
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
