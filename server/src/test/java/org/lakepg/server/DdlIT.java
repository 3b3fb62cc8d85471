package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/**
 * DDL through pgjdbc against a real server: the cached catalog under uncommitted, rolled back and concurrent
 * DDL; deferred foreign keys checked at commit; error details as PostgreSQL words them; temporary tables and
 * currval private to their session.
 */
class DdlIT {
    private static TestServer server;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("ddl");
        url = server.url();
    }

    @AfterAll
    static void stop() throws java.io.IOException {
        if (server != null) {
            server.close();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(r.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    private static PSQLException failure(Statement s, String sql) {
        try {
            s.execute(sql);
        } catch (PSQLException e) {
            return e;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no error from: " + sql);
    }

    @Test
    void uncommittedDdlIsSeenOnlyByItsTransactionAndRollbackUndoesIt() throws Exception {
        try (Connection a = connect(); Connection b = connect(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            sb.execute("create table it_cache_base (x int)");
            sb.execute("insert into it_cache_base values (1)");
            a.setAutoCommit(false);
            sa.execute("create table it_cache_new (y int)");
            sa.execute("insert into it_cache_new values (7)");
            sa.execute("alter table it_cache_base add column z int default 5");
            assertThat(rows(sa, "select * from it_cache_new")).containsExactly("7");
            assertThat(rows(sa, "select * from it_cache_base")).containsExactly("1|5");
            // the other session keeps seeing the committed catalog (its cached copy stays valid); a table the
            // uncommitted ALTER holds in ACCESS EXCLUSIVE mode it waits for, as in PostgreSQL (here until lock_timeout)
            assertThat(failure(sb, "select * from it_cache_new").getSQLState()).isEqualTo("42P01");
            sb.execute("set lock_timeout = '100ms'");
            assertThat(failure(sb, "select * from it_cache_base").getSQLState()).isEqualTo("55P03");
            sb.execute("set lock_timeout = 0");
            a.rollback();
            assertThat(failure(sa, "select * from it_cache_new").getSQLState()).isEqualTo("42P01");
            a.rollback();
            assertThat(rows(sa, "select * from it_cache_base")).containsExactly("1");
            assertThat(rows(sb, "select * from it_cache_base")).containsExactly("1");
            sa.execute("create table it_cache_new (y int)");
            a.commit();
            assertThat(rows(sb, "select count(*) from it_cache_new")).containsExactly("0");
            a.setAutoCommit(true);
            sa.execute("drop table it_cache_new");
            assertThat(failure(sb, "select * from it_cache_new").getSQLState()).isEqualTo("42P01");
        }
    }

    @Test
    void creatingATableNameAnotherTransactionCreatesWaitsForIt() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection a = connect(); Statement sa = a.createStatement()) {
            a.setAutoCommit(false);
            sa.execute("create table it_race (x int)");
            Future<String> second = pool.submit(() -> {
                try (Connection b = connect(); Statement sb = b.createStatement()) {
                    sb.execute("create table it_race (y int)");
                    return "created";
                } catch (PSQLException e) {
                    return e.getSQLState();
                }
            });
            Thread.sleep(300);
            assertThat(second.isDone()).isFalse(); // waits for the first creator, as on PostgreSQL's pg_class index
            a.commit();
            assertThat(second.get()).isEqualTo("42P07");

            sa.execute("create table it_race2 (x int)");
            Future<String> third = pool.submit(() -> {
                try (Connection b = connect(); Statement sb = b.createStatement()) {
                    sb.execute("create table it_race2 (y int)");
                    return rows(sb, "select count(*) from it_race2").get(0);
                }
            });
            Thread.sleep(300);
            assertThat(third.isDone()).isFalse();
            a.rollback();
            assertThat(third.get()).isEqualTo("0");
            a.setAutoCommit(true);
            sa.execute("drop table it_race, it_race2");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void concurrentDdlAndQueriesSeeConsistentCatalogs() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table it_conc_shared (id int primary key, v int)");
            s.execute("insert into it_conc_shared values (1, 0)");
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                int done = 0;
                try (Connection c = connect(); Statement s = c.createStatement()) {
                    for (int i = 0; i < 15; i++) {
                        String name = "it_conc_" + thread + "_" + i;
                        s.execute("create table " + name + " (a int primary key, b int check (b > 0))");
                        s.execute("insert into " + name + " values (1, 1), (2, 2)");
                        assertThat(rows(s, "select sum(b) from " + name)).containsExactly("3");
                        if (i % 2 == 0) {
                            c.setAutoCommit(false);
                            s.execute("alter table " + name + " add column c int default 9");
                            s.execute("drop table " + name);
                            c.rollback();
                            c.setAutoCommit(true);
                            assertThat(rows(s, "select count(*) from " + name)).containsExactly("2");
                        }
                        s.execute("drop table " + name);
                        done++;
                    }
                }
                return done;
            }));
        }
        results.add(pool.submit(() -> {
            int done = 0;
            try (Connection c = connect(); Statement s = c.createStatement()) {
                for (int i = 0; i < 60; i++) {
                    s.execute("update it_conc_shared set v = v + 1 where id = 1");
                    done++;
                }
                assertThat(rows(s, "select v from it_conc_shared")).containsExactly("60");
            }
            return done;
        }));
        int total = 0;
        for (Future<Integer> f : results) {
            total += f.get();
        }
        pool.shutdown();
        assertThat(total).isEqualTo(45 + 60);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThat(failure(s, "select * from it_conc_0_0").getSQLState()).isEqualTo("42P01");
        }
    }

    @Test
    void deferredForeignKeysAreCheckedAtCommit() throws Exception {
        try (Connection a = connect(); Connection b = connect(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            sa.execute("create table it_def_p (id int primary key)");
            sa.execute("create table it_def_c (pid int references it_def_p deferrable initially deferred)");
            a.setAutoCommit(false);
            sa.execute("insert into it_def_c values (1)");
            // another transaction supplies the parent before this one commits (read committed sees it)
            sb.execute("insert into it_def_p values (1)");
            a.commit();
            assertThat(rows(sb, "select * from it_def_c")).containsExactly("1");

            sa.execute("insert into it_def_c values (2)");
            PSQLException e = assertThrowsOnCommit(a);
            assertThat(e.getSQLState()).isEqualTo("23503");
            assertThat(e.getServerErrorMessage().getDetail()).isEqualTo("Key (pid)=(2) is not present in table \"it_def_p\".");
            assertThat(rows(sb, "select count(*) from it_def_c")).containsExactly("1");

            sa.execute("insert into it_def_c values (3)");
            sa.execute("insert into it_def_p values (3)");
            a.commit();
            assertThat(rows(sb, "select count(*) from it_def_c")).containsExactly("2");
            a.setAutoCommit(true);
            sa.execute("drop table it_def_c, it_def_p");
        }
    }

    @Test
    void setConstraintsChangesWhenForeignKeysAreChecked() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table it_sc_p (id int primary key)");
            s.execute("create table it_sc_c (pid int references it_sc_p deferrable)");
            s.execute("create table it_sc_d (pid int references it_sc_p)");
            c.setAutoCommit(false);
            s.execute("set constraints all deferred");
            s.execute("insert into it_sc_c values (1)");
            PSQLException immediate = failure(s, "set constraints it_sc_c_pid_fkey immediate");
            assertThat(immediate.getSQLState()).isEqualTo("23503");
            c.rollback();
            assertThat(failure(s, "set constraints it_sc_d_pid_fkey deferred").getServerErrorMessage().getMessage())
                    .isEqualTo("constraint \"it_sc_d_pid_fkey\" is not deferrable");
            c.rollback();
            s.execute("set constraints it_sc_c_pid_fkey deferred");
            s.execute("insert into it_sc_c values (2)");
            s.execute("insert into it_sc_p values (2)");
            c.commit();
            c.setAutoCommit(true);
            s.execute("alter table it_sc_d alter constraint it_sc_d_pid_fkey deferrable initially deferred");
            c.setAutoCommit(false);
            s.execute("insert into it_sc_d values (3)");
            s.execute("insert into it_sc_p values (3)");
            c.commit();
            c.setAutoCommit(true);
            assertThat(rows(s, "select count(*) from it_sc_d")).containsExactly("1");
            s.execute("drop table it_sc_c, it_sc_d, it_sc_p");
        }
    }

    private static PSQLException assertThrowsOnCommit(Connection c) {
        try {
            c.commit();
        } catch (PSQLException e) {
            return e;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("commit succeeded");
    }

    @Test
    void violationsCarryPostgresDetails() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table it_det_p (id int primary key, name text not null, n int check (n < 10))");
            s.execute("create table it_det_c (pid int references it_det_p on delete restrict)");
            s.execute("insert into it_det_p values (1, 'a', 1)");
            s.execute("insert into it_det_c values (1)");
            PSQLException notNull = failure(s, "insert into it_det_p values (2, null, 3)");
            assertThat(notNull.getServerErrorMessage().getMessage())
                    .isEqualTo("null value in column \"name\" of relation \"it_det_p\" violates not-null constraint");
            assertThat(notNull.getServerErrorMessage().getDetail()).isEqualTo("Failing row contains (2, null, 3).");
            PSQLException check = failure(s, "update it_det_p set n = 10");
            assertThat(check.getSQLState()).isEqualTo("23514");
            assertThat(check.getServerErrorMessage().getDetail()).isEqualTo("Failing row contains (1, a, 10).");
            PSQLException restrict = failure(s, "delete from it_det_p");
            assertThat(restrict.getServerErrorMessage().getMessage()).isEqualTo(
                    "update or delete on table \"it_det_p\" violates foreign key constraint \"it_det_c_pid_fkey\" on table \"it_det_c\"");
            assertThat(restrict.getServerErrorMessage().getDetail())
                    .isEqualTo("Key (id)=(1) is still referenced from table \"it_det_c\".");
            PSQLException drop = failure(s, "drop table it_det_p");
            assertThat(drop.getSQLState()).isEqualTo("2BP01");
            assertThat(drop.getServerErrorMessage().getDetail())
                    .isEqualTo("constraint it_det_c_pid_fkey on table it_det_c depends on table it_det_p");
            assertThat(drop.getServerErrorMessage().getHint())
                    .isEqualTo("Use DROP ... CASCADE to drop the dependent objects too.");
            s.execute("drop table it_det_p cascade");
            s.execute("drop table it_det_c");
        }
    }

    @Test
    void copyFromAppliesDefaultsAndConstraints() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table it_copy (id serial, a int check (a < 15), b text, c int default 3)");
            var copy = new org.postgresql.copy.CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class));
            long n = copy.copyIn("copy it_copy (a, b) from stdin", new java.io.StringReader("1\tx\n2\ty\n"));
            assertThat(n).isEqualTo(2);
            assertThat(rows(s, "select * from it_copy order by id")).containsExactly("1|1|x|3", "2|2|y|3");
            try {
                copy.copyIn("copy it_copy (a, b) from stdin", new java.io.StringReader("3\tz\n20\tw\n"));
                throw new AssertionError("COPY of a row violating the CHECK succeeded");
            } catch (PSQLException e) {
                assertThat(e.getServerErrorMessage().getMessage())
                        .isEqualTo("new row for relation \"it_copy\" violates check constraint \"it_copy_a_check\"");
                assertThat(e.getServerErrorMessage().getDetail()).isEqualTo("Failing row contains (4, 20, w, 3).");
            }
            assertThat(rows(s, "select count(*) from it_copy")).containsExactly("2");
            s.execute("drop table it_copy");
        }
    }

    @Test
    void temporaryTablesAndCurrvalBelongToTheirSession() throws Exception {
        try (Connection a = connect(); Connection b = connect(); Statement sa = a.createStatement();
             Statement sb = b.createStatement()) {
            sa.execute("create temp table it_tmp (x int)");
            sa.execute("insert into it_tmp values (1)");
            sb.execute("create temporary table it_tmp (x int, y int)");
            sb.execute("insert into it_tmp values (2, 3)");
            assertThat(rows(sa, "select * from it_tmp")).containsExactly("1");
            assertThat(rows(sb, "select * from it_tmp")).containsExactly("2|3");

            sa.execute("create sequence it_seq");
            assertThat(rows(sa, "select nextval('it_seq')")).containsExactly("1");
            PSQLException notYet = failure(sb, "select currval('it_seq')");
            assertThat(notYet.getSQLState()).isEqualTo("55000");
            assertThat(notYet.getServerErrorMessage().getMessage())
                    .isEqualTo("currval of sequence \"it_seq\" is not yet defined in this session");
            assertThat(rows(sb, "select nextval('it_seq'), currval('it_seq')")).containsExactly("2|2");
            assertThat(rows(sa, "select currval('it_seq')")).containsExactly("1");
            sa.execute("drop sequence it_seq");
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create temp table it_oc_rows (x int) on commit delete rows");
            c.setAutoCommit(false);
            s.execute("create temp table it_oc_drop (x int) on commit drop");
            s.execute("insert into it_oc_rows values (1)");
            s.execute("insert into it_oc_drop values (1)");
            assertThat(rows(s, "select count(*) from it_oc_rows")).containsExactly("1");
            c.commit();
            assertThat(rows(s, "select count(*) from it_oc_rows")).containsExactly("0");
            assertThat(failure(s, "select * from it_oc_drop").getSQLState()).isEqualTo("42P01");
            c.rollback();
            c.setAutoCommit(true);
            assertThat(failure(s, "create table it_oc_bad (x int) on commit drop").getServerErrorMessage().getMessage())
                    .isEqualTo("ON COMMIT can only be used on temporary tables");
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            // both sessions ended: their temporary tables went with them
            assertThat(failure(s, "select * from it_tmp").getSQLState()).isEqualTo("42P01");
        }
    }
}
