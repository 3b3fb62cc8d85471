package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.server.cli.ServerConfig;

/**
 * Concurrent read-committed transfers through SQL, as pgbench's tpcb-like script does: rows updated by
 * others are re-checked and updated in their newest version (no lost update, no spurious 40001),
 * and the money in the accounts stays what it was.
 */
class ConcurrentUpdatesIT {

    @Test
    void transfersKeepTheTotalUnderReadCommitted(@TempDir Path data) throws Exception {
        try (LakepgServer server = LakepgServer.start(ServerConfig.parse(
                List.of("--port", "0", "--data", data.toString()), Map.of()))) {
            String url = "jdbc:postgresql://127.0.0.1:" + server.address().getPort() + "/postgres?user=postgres";
            int accounts = 10;
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("create table acct (id int primary key, balance int not null)");
                for (int i = 0; i < accounts; i++) {
                    s.execute("insert into acct values (" + i + ", 1000)");
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    int done = 0;
                    try (Connection c = DriverManager.getConnection(url);
                         PreparedStatement debit = c.prepareStatement("update acct set balance = balance - ? where id = ?");
                         PreparedStatement credit = c.prepareStatement("update acct set balance = balance + ? where id = ?")) {
                        c.setAutoCommit(false);
                        for (int i = 0; i < 150; i++) {
                            int from = random.nextInt(accounts);
                            int to = random.nextInt(accounts);
                            int amount = 1 + random.nextInt(20);
                            // rows are locked in id order, as careful applications do: opposite orders would
                            // deadlock here exactly as in PostgreSQL
                            PreparedStatement first = from <= to ? debit : credit;
                            PreparedStatement second = from <= to ? credit : debit;
                            first.setInt(1, amount);
                            first.setInt(2, Math.min(from, to));
                            assertThat(first.executeUpdate()).isEqualTo(1);
                            second.setInt(1, amount);
                            second.setInt(2, Math.max(from, to));
                            assertThat(second.executeUpdate()).isEqualTo(1);
                            c.commit();
                            done++;
                        }
                    }
                    return done;
                }));
            }
            int committed = 0;
            for (Future<Integer> f : results) {
                committed += f.get();
            }
            pool.shutdown();
            assertThat(committed).isEqualTo(600);
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select sum(balance), count(*) from acct")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(accounts * 1000L);
                assertThat(rs.getLong(2)).isEqualTo(accounts);
            }
        }
    }
}
