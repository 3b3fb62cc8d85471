package org.lakepg.server.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.storage.cloud.cluster.LocalCluster;
import org.lakepg.storage.cloud.wal.WalProtocol;
import org.lakepg.storage.local.FileUtil;

/**
 * The compute keeps no durable state: killed with -9 in the middle of a bank-transfer workload and started again
 * with an EMPTY data directory, it has every acknowledged transfer and the money adds up.
 */
class ComputeFailoverIT {

    private static final int ACCOUNTS = 10;
    private static final int INITIAL = 1000;

    @TempDir
    Path dir;

    /** How the cluster's WAL reaches the safekeepers (a subclass runs this test with the proposer protocol). */
    WalProtocol walProtocol() {
        return WalProtocol.RAFT;
    }

    @Test
    @Timeout(300)
    void killedComputeRestartedOnAnEmptyDataDirectoryHasEveryAcknowledgedTransfer() throws Exception {
        try (ClusterFixture fixture = ClusterFixture.start(dir, walProtocol())) {
            try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
                s.execute("create table accounts(id int primary key, balance int not null)");
                s.execute("insert into accounts select g, " + INITIAL + " from generate_series(1, " + ACCOUNTS + ") g");
                s.execute("create table transfers(id bigint primary key, src int not null, dst int not null, amount int not null)");
            }
            Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicLong ids = new AtomicLong();
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                workers.add(Thread.ofPlatform().start(() -> transferUntilBroken(fixture, ids, acknowledged)));
            }
            long until = System.nanoTime() + 6_000_000_000L;
            while (System.nanoTime() < until && acknowledged.size() < 50) {
                Thread.sleep(100);
            }
            Thread.sleep(1000);
            fixture.cluster.kill(LocalCluster.COMPUTE);
            for (Thread t : workers) {
                t.join(30_000);
            }
            assertThat(acknowledged).as("transfers acknowledged before the kill").isNotEmpty();
            System.out.println(acknowledged.size() + " transfers acknowledged before kill -9 of the compute");

            FileUtil.deleteRecursively(fixture.cluster.dataDir(LocalCluster.COMPUTE));
            long begin = System.nanoTime();
            fixture.cluster.startService(LocalCluster.COMPUTE);
            System.out.printf("compute restarted on an empty data directory in %d ms%n", (System.nanoTime() - begin) / 1_000_000);

            try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
                assertThat(longValue(s, "select sum(balance) from accounts")).isEqualTo((long) ACCOUNTS * INITIAL);
                Set<Long> present = ConcurrentHashMap.newKeySet();
                try (ResultSet rs = s.executeQuery("select id from transfers")) {
                    while (rs.next()) {
                        present.add(rs.getLong(1));
                    }
                }
                assertThat(present).containsAll(acknowledged);
                // every account's balance is exactly what the surviving transfers say
                try (ResultSet rs = s.executeQuery("""
                        select a.id, a.balance,
                               (select coalesce(sum(amount), 0) from transfers where dst = a.id)
                             - (select coalesce(sum(amount), 0) from transfers where src = a.id) as net
                        from accounts a order by a.id""")) {
                    int n = 0;
                    while (rs.next()) {
                        assertThat(rs.getLong(2)).as("balance of account %d", rs.getInt(1)).isEqualTo(INITIAL + rs.getLong(3));
                        n++;
                    }
                    assertThat(n).isEqualTo(ACCOUNTS);
                }
                // and the new compute writes on
                s.execute("insert into transfers values (-1, 1, 2, 0)");
                assertThat(longValue(s, "select count(*) from transfers where id = -1")).isEqualTo(1);
            }
        }
    }

    /**
     * Roles, their SCRAM passwords and ALTER ROLE/DATABASE ... SET live in the store (@global), not in the compute's
     * data directory: after kill -9 and a start on an EMPTY data directory the role logs in and its settings apply.
     */
    @Test
    @Timeout(300)
    void rolesAndSettingsSurviveAComputeRestartedOnAnEmptyDataDirectory() throws Exception {
        Path passwordFile = dir.resolve("superuser-password");
        java.nio.file.Files.writeString(passwordFile, "admin-pw");
        try (ClusterFixture fixture = ClusterFixture.start(dir, c -> c.withWalProtocol(walProtocol())
                .withExtraArguments(org.lakepg.storage.cloud.cluster.ServiceKind.COMPUTE,
                        List.of("--auth", "all=scram-sha-256", "--password-file", passwordFile.toString())))) {
            try (Connection c = login(fixture, "postgres", "admin-pw"); Statement s = c.createStatement()) {
                s.execute("create role app login password 'app-pw'");
                s.execute("create schema app_schema");
                s.execute("alter role app set search_path = app_schema, public");
                s.execute("alter database postgres set lock_timeout = '7s'");
            }
            fixture.cluster.kill(LocalCluster.COMPUTE);
            FileUtil.deleteRecursively(fixture.cluster.dataDir(LocalCluster.COMPUTE));
            fixture.cluster.startService(LocalCluster.COMPUTE);

            try (Connection c = login(fixture, "app", "app-pw"); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select current_user, current_setting('search_path'),"
                        + " current_setting('lock_timeout')")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("app");
                    assertThat(rs.getString(2)).isEqualTo("app_schema, public");
                    assertThat(rs.getString(3)).isEqualTo("7s");
                }
            }
            assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                    () -> login(fixture, "app", "wrong")).getSQLState()).isEqualTo("28P01");
        }
    }

    private static Connection login(ClusterFixture fixture, String user, String password) throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
                + fixture.cluster.port(LocalCluster.COMPUTE) + "/postgres?connectTimeout=10", p);
    }

    private static void transferUntilBroken(ClusterFixture fixture, AtomicLong ids, Set<Long> acknowledged) {
        try (Connection c = fixture.connect()) {
            c.setAutoCommit(false);
            PreparedStatement debit = c.prepareStatement("update accounts set balance = balance - ? where id = ?");
            PreparedStatement credit = c.prepareStatement("update accounts set balance = balance + ? where id = ?");
            PreparedStatement record = c.prepareStatement("insert into transfers values (?, ?, ?, ?)");
            while (true) {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                int src = 1 + random.nextInt(ACCOUNTS);
                int dst = 1 + (src + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                int amount = 1 + random.nextInt(50);
                long id = ids.incrementAndGet();
                try {
                    // rows locked in id order: no deadlocks between workers
                    PreparedStatement first = src < dst ? debit : credit;
                    PreparedStatement second = src < dst ? credit : debit;
                    first.setInt(1, amount);
                    first.setInt(2, Math.min(src, dst));
                    first.executeUpdate();
                    second.setInt(1, amount);
                    second.setInt(2, Math.max(src, dst));
                    second.executeUpdate();
                    record.setLong(1, id);
                    record.setInt(2, src);
                    record.setInt(3, dst);
                    record.setInt(4, amount);
                    record.executeUpdate();
                    c.commit();
                    acknowledged.add(id);
                } catch (SQLException e) {
                    if (c.isClosed() || "08006".equals(e.getSQLState()) || "08003".equals(e.getSQLState())) {
                        return;
                    }
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            // the compute was killed: this worker is done
        }
    }

    static long longValue(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
