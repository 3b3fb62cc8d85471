package org.lakepg.server.systemcatalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lakepg.server.TestServer;

/**
 * pg_stat_user_tables, pg_stat_user_indexes and pg_stat_database count what ended transactions did, with
 * PostgreSQL's rules for live and dead rows; pg_locks shows a transaction's xid lock, its relation locks and a
 * waiter's ungranted one.
 */
class ActivityStatisticsIT {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("activity-statistics");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.address().getPort()
                + "/postgres?user=postgres");
    }

    private static List<String> row(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            assertThat(rs.next()).as(query).isTrue();
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.add(rs.getString(i));
            }
            return out;
        }
    }

    @Test
    void inetFunctionsDescribeTheConnectionAsPgStatActivityDoes() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThat(row(s, "select inet_server_addr(), inet_server_port(), inet_client_addr()"))
                    .containsExactly("127.0.0.1", Integer.toString(server.address().getPort()), "127.0.0.1");
            assertThat(row(s, "select inet_client_port() = client_port, pg_typeof(inet_client_addr())::text"
                    + " from pg_stat_activity where pid = pg_backend_pid()")).containsExactly("t", "inet");
        }
    }

    @Test
    void tableCountersFollowCommitsRollbacksAndVacuum() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table as_t (id int primary key, v int)");
            s.execute("create table as_plain (x int)");
            List<String> before = row(s, "select xact_commit, xact_rollback, tup_inserted from pg_stat_database "
                    + "where datname = current_database()");
            s.execute("insert into as_t select g, g from generate_series(1, 10) g");
            s.execute("update as_t set v = 0 where v <= 3");
            s.execute("delete from as_t where id = 10");
            row(s, "select count(*) from as_t");
            row(s, "select v from as_t where id = 5");
            c.setAutoCommit(false);
            s.execute("insert into as_t values (100, 1)");
            c.rollback();
            c.setAutoCommit(true);
            assertThat(row(s, "select seq_scan, seq_tup_read, idx_scan, idx_tup_fetch, n_tup_ins, n_tup_upd, n_tup_del, "
                    + "n_live_tup, n_dead_tup, last_vacuum is null, vacuum_count from pg_stat_user_tables "
                    + "where relname = 'as_t'"))
                    .containsExactly("2", "19", "2", "2", "11", "3", "1", "9", "5", "t", "0");
            assertThat(row(s, "select idx_scan, idx_tup_read, idx_tup_fetch from pg_stat_user_indexes "
                    + "where indexrelname = 'as_t_pkey'")).containsExactly("2", "2", "2");
            // a table without indexes has no index counters at all
            assertThat(row(s, "select idx_scan, idx_tup_fetch, seq_scan from pg_stat_user_tables "
                    + "where relname = 'as_plain'")).containsExactly(null, null, "0");
            s.execute("vacuum as_t");
            assertThat(row(s, "select n_live_tup, n_dead_tup, last_vacuum is not null, vacuum_count "
                    + "from pg_stat_user_tables where relname = 'as_t'")).containsExactly("9", "0", "t", "1");
            s.execute("analyze as_t");
            assertThat(row(s, "select last_analyze is not null, analyze_count, n_mod_since_analyze "
                    + "from pg_stat_user_tables where relname = 'as_t'")).containsExactly("t", "1", "0");
            List<String> after = row(s, "select xact_commit, xact_rollback, tup_inserted from pg_stat_database "
                    + "where datname = current_database()");
            assertThat(Long.parseLong(after.get(0))).isGreaterThan(Long.parseLong(before.get(0)) + 5);
            assertThat(Long.parseLong(after.get(1))).isGreaterThanOrEqualTo(Long.parseLong(before.get(1)) + 1);
            assertThat(Long.parseLong(after.get(2))).isGreaterThanOrEqualTo(Long.parseLong(before.get(2)) + 11);
            s.execute("drop table as_t");
            s.execute("drop table as_plain");
        }
    }

    @Test
    void pgLocksShowsTransactionLocksAndAWaiter() throws Exception {
        try (Connection holder = connect(); Connection waiter = connect(); Connection observer = connect();
             Statement h = holder.createStatement(); Statement o = observer.createStatement()) {
            h.execute("create table as_locked (id int primary key, v int)");
            h.execute("insert into as_locked values (1, 0)");
            holder.setAutoCommit(false);
            h.executeUpdate("update as_locked set v = 1 where id = 1");
            String holderPid = row(h, "select pg_backend_pid()").get(0);
            String holderXid = row(h, "select txid_current()").get(0);
            assertThat(row(o, "select count(*) from pg_locks where pid = " + holderPid
                    + " and locktype = 'transactionid' and mode = 'ExclusiveLock' and granted"
                    + " and transactionid::text = '" + holderXid + "'")).containsExactly("1");
            assertThat(row(o, "select count(*) from pg_locks where pid = " + holderPid
                    + " and locktype = 'virtualxid' and granted")).containsExactly("1");
            // the table it updated, locked RowExclusiveLock in this database until the transaction ends
            assertThat(row(o, "select l.mode || ' ' || l.granted || ' ' || (d.datname = current_database()) from "
                    + "pg_locks l join pg_database d on d.oid = l.database where l.pid = " + holderPid
                    + " and l.locktype = 'relation' and l.relation = 'as_locked'::regclass"))
                    .containsExactly("RowExclusiveLock true true");
            CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
                try (Statement w = waiter.createStatement()) {
                    return w.executeUpdate("update as_locked set v = 2 where id = 1");
                } catch (SQLException e) {
                    throw new RuntimeException(e);
                }
            });
            String waiting = null;
            for (int i = 0; i < 200 && waiting == null; i++) {
                try (ResultSet rs = o.executeQuery("select l.transactionid::text, a.query from pg_locks l "
                        + "join pg_stat_activity a using (pid) where not l.granted")) {
                    if (rs.next()) {
                        waiting = rs.getString(1) + "|" + rs.getString(2);
                    }
                }
                Thread.sleep(20);
            }
            assertThat(waiting).isEqualTo(holderXid + "|update as_locked set v = 2 where id = 1");
            holder.commit();
            assertThat(blocked.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(row(o, "select count(*) from pg_locks where not granted")).containsExactly("0");
            holder.setAutoCommit(true);
            h.execute("drop table as_locked");
        }
    }
}
