package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * INSERT ... ON CONFLICT from several sessions on the same keys at once: every upsert either inserts or updates
 * (none fails with 23505, none is lost), as PostgreSQL's speculative insertion guarantees under READ COMMITTED.
 */
class UpsertConcurrencyIT {
    private static TestServer server;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("upsert");
        url = server.url();
    }

    @AfterAll
    static void stop() throws java.io.IOException {
        if (server != null) {
            server.close();
        }
    }

    private static void run(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long[] counts(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    @Test
    void concurrentUpsertsOnTheSameKeysCountEveryOne() throws Exception {
        run("create table ups_counter (k int primary key, n int not null)");
        int threads = 4;
        int perThread = 250;
        int keys = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> results = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            int offset = t;
            results.add(pool.submit(() -> {
                int written = 0;
                try (Connection c = DriverManager.getConnection(url); PreparedStatement upsert = c.prepareStatement(
                        "insert into ups_counter values (?, 1) on conflict (k) do update set n = ups_counter.n + 1")) {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        upsert.setInt(1, (i + offset) % keys);
                        written += upsert.executeUpdate();
                    }
                }
                return written;
            }));
        }
        go.countDown();
        int written = 0;
        for (Future<Integer> f : results) {
            written += f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(written).isEqualTo(threads * perThread);
        long[] rowsAndTotal = counts("select count(*), sum(n) from ups_counter");
        assertThat(rowsAndTotal[0]).isEqualTo(keys);
        assertThat(rowsAndTotal[1]).isEqualTo(threads * perThread);
    }

    @Test
    void concurrentDoNothingInsertsEachKeyOnce() throws Exception {
        run("create table ups_once (k int primary key, who int not null)");
        int threads = 4;
        int keys = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> results = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            int who = t;
            results.add(pool.submit(() -> {
                int inserted = 0;
                try (Connection c = DriverManager.getConnection(url); PreparedStatement insert = c.prepareStatement(
                        "insert into ups_once values (?, ?) on conflict do nothing")) {
                    go.await();
                    for (int k = 0; k < keys; k++) {
                        insert.setInt(1, k);
                        insert.setInt(2, who);
                        inserted += insert.executeUpdate();
                    }
                }
                return inserted;
            }));
        }
        go.countDown();
        int inserted = 0;
        for (Future<Integer> f : results) {
            inserted += f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(inserted).isEqualTo(keys);
        assertThat(counts("select count(*), count(distinct k) from ups_once")).containsExactly(keys, keys);
    }

    @Test
    void upsertWaitsForAnUncommittedInsertOfItsKeyThenUpdates() throws Exception {
        run("create table ups_wait (k int primary key, v text)");
        try (Connection first = DriverManager.getConnection(url); Statement s1 = first.createStatement()) {
            first.setAutoCommit(false);
            s1.execute("insert into ups_wait values (1, 'first')");
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<String> second = pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("insert into ups_wait values (1, 'second') on conflict (k) "
                             + "do update set v = ups_wait.v || '+' || excluded.v returning v")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            Thread.sleep(300);
            assertThat(second.isDone()).as("the second upsert waits for the first inserter").isFalse();
            first.commit();
            assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("first+second");
            pool.shutdown();
        }
    }

    @Test
    void upsertAfterAnAbortedInsertOfItsKeyInserts() throws Exception {
        run("create table ups_abort (k int primary key, v text)");
        try (Connection first = DriverManager.getConnection(url); Statement s1 = first.createStatement()) {
            first.setAutoCommit(false);
            s1.execute("insert into ups_abort values (1, 'first')");
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<String> second = pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("insert into ups_abort values (1, 'second') on conflict (k) "
                             + "do update set v = ups_abort.v || '+' || excluded.v returning v")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            Thread.sleep(300);
            first.rollback();
            assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("second");
            pool.shutdown();
        }
    }

    @Test
    void mergeActsOnTheNewestVersionOfARowUpdatedConcurrently() throws Exception {
        run("create table ups_merge (k int primary key, v int)");
        run("insert into ups_merge values (1, 100), (2, 200)");
        try (Connection first = DriverManager.getConnection(url); Statement s1 = first.createStatement()) {
            first.setAutoCommit(false);
            s1.execute("update ups_merge set v = v + 1 where k = 1");
            s1.execute("delete from ups_merge where k = 2");
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<Integer> merge = pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                    return s.executeUpdate("merge into ups_merge t using (values (1), (2)) s(k) on t.k = s.k "
                            + "when matched then update set v = t.v + 10 when not matched then insert values (s.k, -1)");
                }
            });
            Thread.sleep(300);
            assertThat(merge.isDone()).as("MERGE waits for the transaction that changed its rows").isFalse();
            first.commit();
            assertThat(merge.get(30, TimeUnit.SECONDS)).isEqualTo(2);
            pool.shutdown();
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select k, v from ups_merge order by k")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getInt(1) + "=" + rs.getInt(2));
            }
            // k=1 updated from its newest version (101); k=2, deleted meanwhile, is NOT MATCHED and inserted
            assertThat(rows).containsExactly("1=111", "2=-1");
        }
    }
}
