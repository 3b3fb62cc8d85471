package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lakepg.server.JdbcRows.rows;
import static org.lakepg.server.JdbcRows.run;
import static org.lakepg.server.ScramServers.config;
import static org.lakepg.server.ScramServers.connect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;

/**
 * Who owns a database and who may change it, and the settings sessions start with (pg_db_role_setting): as in
 * PostgreSQL, the creating role owns a database; ALTER ROLE ALL / ALTER DATABASE / ALTER ROLE [IN DATABASE] SET
 * apply in that order of precedence; all of it survives a restart.
 */
class DatabaseOwnersIT {

    private static void assertSqlState(Connection c, String sql, String state, String message) {
        assertThatThrownBy(() -> run(c, sql)).isInstanceOfSatisfying(PSQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo(state);
            assertThat(e.getServerErrorMessage().getMessage()).isEqualTo(message);
        });
    }

    @Test
    void theCreatingRoleOwnsItsDatabaseAndOnlyOwnersMayAlterOrDropIt(@TempDir Path dir) throws Exception {
        try (LakepgServer server = LakepgServer.start(config(dir));
             Connection admin = connect(server, "postgres", "super")) {
            run(admin, "create role own_maker login createdb password 'm'", "create role own_other login password 'o'");
            try (Connection other = connect(server, "own_other", "o")) {
                assertSqlState(other, "create database own_nope", "42501", "permission denied to create database");
            }
            try (Connection maker = connect(server, "own_maker", "m")) {
                run(maker, "create database own_db", "alter database own_db set work_mem = '6MB'");
            }
            assertThat(rows(admin, "select datdba::regrole from pg_database where datname = 'own_db'"))
                    .containsExactly("own_maker");
            try (Connection other = connect(server, "own_other", "o")) {
                assertSqlState(other, "alter database own_db set work_mem = '1MB'", "42501",
                        "must be owner of database own_db");
                assertSqlState(other, "drop database own_db", "42501", "must be owner of database own_db");
                assertSqlState(other, "drop database postgres", "42501", "must be owner of database postgres");
            }
            assertThatThrownBy(() -> run(admin, "drop role own_maker")).isInstanceOfSatisfying(PSQLException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("2BP01");
                assertThat(e.getServerErrorMessage().getDetail()).isEqualTo("owner of database own_db");
            });
        }
        try (LakepgServer restarted = LakepgServer.start(config(dir));
             Connection admin = connect(restarted, "postgres", "super")) {
            assertThat(rows(admin, "select datdba::regrole from pg_database where datname = 'own_db'"))
                    .containsExactly("own_maker");
            assertThat(rows(admin, "select setconfig::text from pg_db_role_setting s join pg_database d"
                    + " on d.oid = s.setdatabase where d.datname = 'own_db'")).containsExactly("{work_mem=6MB}");
            try (Connection maker = connect(restarted, "own_maker", "m")) {
                run(maker, "drop database own_db");
            }
            run(admin, "drop role own_maker");
            assertThat(rows(admin, "select count(*) from pg_db_role_setting")).containsExactly("0");
        }
    }

    @Test
    void sessionsStartWithTheMostSpecificSettingAndKeepItAfterARestart(@TempDir Path dir) throws Exception {
        try (LakepgServer server = LakepgServer.start(config(dir));
             Connection admin = connect(server, "postgres", "super")) {
            run(admin, "create role set_user login password 'u'", "alter role all set work_mem = '1MB'",
                    "alter role all set lock_timeout = '9s'");
            assertThat(workMemOf(server)).isEqualTo("1MB");
            run(admin, "alter database postgres set work_mem = '2MB'");
            assertThat(workMemOf(server)).isEqualTo("2MB");
            run(admin, "alter role set_user set work_mem = '3MB'");
            assertThat(workMemOf(server)).isEqualTo("3MB");
            run(admin, "alter role set_user in database postgres set work_mem = '5MB'");
            assertThat(workMemOf(server)).isEqualTo("5MB");
        }
        try (LakepgServer restarted = LakepgServer.start(config(dir));
             Connection admin = connect(restarted, "postgres", "super")) {
            assertThat(workMemOf(restarted)).isEqualTo("5MB");
            try (Connection user = connect(restarted, "set_user", "u")) {
                assertThat(rows(user, "show lock_timeout")).containsExactly("9s");
            }
            assertThat(rows(admin, "select coalesce(d.datname, '-') || ' ' || coalesce(r.rolname, '-') || ' '"
                    + " || s.setconfig::text from pg_db_role_setting s left join pg_database d on d.oid = s.setdatabase"
                    + " left join pg_roles r on r.oid = s.setrole order by 1")).containsExactly(
                    "- - {work_mem=1MB,lock_timeout=9s}", "- set_user {work_mem=3MB}", "postgres - {work_mem=2MB}",
                    "postgres set_user {work_mem=5MB}");
            run(admin, "alter role all reset all", "alter database postgres reset all",
                    "alter role set_user in database postgres reset all");
            assertThat(workMemOf(restarted)).isEqualTo("3MB");
        }
    }

    private static String workMemOf(LakepgServer server) throws SQLException {
        try (Connection user = connect(server, "set_user", "u")) {
            return rows(user, "show work_mem").get(0);
        }
    }
}
