package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lakepg.server.ScramServers.config;
import static org.lakepg.server.ScramServers.connect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;

/**
 * GRANT SELECT/INSERT/UPDATE (columns): a role holding privileges on some columns only may read and write exactly
 * those (PostgreSQL's per-column permission check), sees error details only of what it may read, and the catalog
 * functions and views report the grants.
 */
class ColumnPrivilegesIT {

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void denied(Connection c, String sql) {
        assertThatThrownBy(() -> run(c, sql)).isInstanceOf(PSQLException.class)
                .satisfies(e -> assertThat(((PSQLException) e).getSQLState()).isEqualTo("42501"))
                .hasMessageContaining("permission denied for table t");
    }

    @Test
    void columnGrantsAllowExactlyTheirColumns(@TempDir Path dir) throws Exception {
        try (LakepgServer server = LakepgServer.start(config(dir))) {
            try (Connection admin = connect(server, "postgres", "super")) {
                run(admin, "create role app login password 'pw'");
                run(admin, "create table t (one int, two int unique, three int, four int)");
                run(admin, "insert into t values (1, 2, 3, 4)");
                run(admin, "grant select (one, two), insert (two, three), update (three) on t to app");
            }
            try (Connection app = connect(server, "app", "pw")) {
                assertThat(one(app, "select one + two from t where two = 2")).isEqualTo("3");
                assertThat(one(app, "select count(*) from t")).isEqualTo("1");
                denied(app, "select * from t");
                denied(app, "select three from t");
                denied(app, "select t from t");
                denied(app, "select 1 from t where four = 4");
                run(app, "insert into t (two, three) values (5, 6)");
                denied(app, "insert into t (one) values (1)");
                denied(app, "insert into t values (7, 8)");
                run(app, "update t set three = 10 where two = 2");
                denied(app, "update t set three = 10 where four = 4");
                denied(app, "update t set three = three + 1");
                denied(app, "update t set one = 1");
                denied(app, "insert into t (two, three) values (5, 0) returning three");
                denied(app, "delete from t");
                // the unique key is shown: SELECT is held on its column
                assertThatThrownBy(() -> run(app, "insert into t (two) values (2)"))
                        .hasMessageContaining("Key (two)=(2) already exists.");
            }
            try (Connection admin = connect(server, "postgres", "super")) {
                assertThat(one(admin, "select has_column_privilege('app', 't', 'one', 'select')")).isEqualTo("t");
                assertThat(one(admin, "select has_column_privilege('app', 't', 'three', 'select')")).isEqualTo("f");
                assertThat(one(admin, "select has_column_privilege('app', 't', 3::int2, 'update')")).isEqualTo("t");
                assertThat(one(admin, "select has_any_column_privilege('app', 't', 'insert')")).isEqualTo("t");
                assertThat(one(admin, "select has_any_column_privilege('app', 't', 'references')")).isEqualTo("f");
                assertThat(one(admin, "select attacl::text from pg_attribute where attrelid = 't'::regclass"
                        + " and attname = 'three'")).isEqualTo("{app=aw/postgres}");
                assertThat(one(admin, "select string_agg(column_name || ':' || privilege_type, ',' order by column_name,"
                        + " privilege_type) from information_schema.column_privileges where table_name = 't'"
                        + " and grantee = 'app'")).isEqualTo("one:SELECT,three:INSERT,three:UPDATE,two:INSERT,two:SELECT");
                // revoking the table privilege takes it from the columns too
                run(admin, "revoke select on t from app");
                assertThat(one(admin, "select has_any_column_privilege('app', 't', 'select')")).isEqualTo("f");
                run(admin, "alter table t drop column three");
                assertThat(one(admin, "select has_any_column_privilege('app', 't', 'update')")).isEqualTo("f");
            }
        }
    }

    @Test
    void detailsHideColumnsTheRoleMayNotRead(@TempDir Path dir) throws Exception {
        try (LakepgServer server = LakepgServer.start(config(dir))) {
            try (Connection admin = connect(server, "postgres", "super")) {
                run(admin, "create role app login password 'pw'");
                run(admin, "create table t (a int, b int not null, c int, check (c > 0))");
                run(admin, "grant select (a), insert on t to app");
            }
            try (Connection app = connect(server, "app", "pw")) {
                // the columns it inserts and the ones it may read, not the others
                assertThatThrownBy(() -> run(app, "insert into t (a, c) values (1, 3)"))
                        .hasMessageContaining("Failing row contains (a, c) = (1, 3).");
            }
            try (Connection admin = connect(server, "postgres", "super")) {
                run(admin, "revoke select on t from app");
            }
            try (Connection app = connect(server, "app", "pw")) {
                assertThatThrownBy(() -> run(app, "insert into t (a, b, c) values (1, 2, 0)"))
                        .hasMessageContaining("violates check constraint")
                        .hasMessageContaining("Failing row contains (a, b, c) = (1, 2, 0).");
            }
        }
    }
    @Test
    void partitionConstraintDetailsShowWrittenColumnsAfterTriggersAndInWithItems(@TempDir Path dir) throws Exception {
        try (LakepgServer server = LakepgServer.start(config(dir))) {
            try (Connection admin = connect(server, "postgres", "super")) {
                run(admin, "create role app login password 'pw'");
                run(admin, "create table p (a int, b text) partition by list (a)");
                run(admin, "create table p1 partition of p for values in (1)");
                // the trigger's PL/pgSQL expression is a query analyzed while the INSERT runs
                run(admin, "create function p1_move() returns trigger language plpgsql as"
                        + " $$begin new.a := 2; return new; end$$");
                run(admin, "create trigger p1_move before insert on p1 for each row execute function p1_move()");
                run(admin, "create table log (f1 text default 'foo', f3 int)");
                run(admin, "grant insert on p, log to app");
            }
            try (Connection app = connect(server, "app", "pw")) {
                assertThatThrownBy(() -> run(app, "insert into p values (1, 'hi')"))
                        .hasMessageContaining("violates partition constraint")
                        .hasMessageContaining("Failing row contains (a, b) = (2, hi).");
                assertThatThrownBy(() -> run(app, "insert into p (a) values (1)"))
                        .hasMessageContaining("Failing row contains (a) = (2).");
                // the partitioned table written by a WITH item, not by the main statement (as PostgreSQL 15)
                assertThatThrownBy(() -> run(app, "with r as (insert into p values (1, 'hi') returning 1)"
                        + " insert into log (f3) select * from r"))
                        .hasMessageContaining("Failing row contains (a, b) = (2, hi).");
            }
        }
    }
}
