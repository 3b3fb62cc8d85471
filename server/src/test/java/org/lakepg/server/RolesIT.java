package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lakepg.server.ScramServers.config;
import static org.lakepg.server.ScramServers.connect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;

/**
 * Roles made with CREATE ROLE log in over the wire with their SCRAM password (pgjdbc), survive a restart,
 * and see PostgreSQL's permission errors on tables until they are granted privileges.
 */
class RolesIT {

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

    /** A data directory of an older lakepg (roles.tsv, database-settings.properties) is imported into @global once. */
    @Test
    void oldRoleAndSettingFilesAreMigratedIntoTheStore(@TempDir Path dir) throws Exception {
        String verifier = org.lakepg.wire.protocol.StoredCredential.scramFromPassword("old-pw").verifier();
        java.nio.file.Files.writeString(dir.resolve("roles.tsv"), "next\t16390\n"
                + "role\t16385\told_app\tf\tt\tf\tf\tt\tf\tf\t-1\t" + verifier + "\t\n"
                + "setting\t16385\t\tsearch_path\told_schema, public\n");
        java.nio.file.Files.writeString(dir.resolve("database-settings.properties"), "postgres/lock_timeout=9s\n");
        try (LakepgServer server = LakepgServer.start(config(dir));
             Connection app = connect(server, "old_app", "old-pw")) {
            assertThat(one(app, "show search_path")).isEqualTo("old_schema, public");
            assertThat(one(app, "show lock_timeout")).isEqualTo("9s");
        }
        assertThat(dir.resolve("roles.tsv")).doesNotExist();
        assertThat(dir.resolve("roles.tsv.migrated")).exists();
        assertThat(dir.resolve("database-settings.properties.migrated")).exists();
        try (LakepgServer restarted = LakepgServer.start(config(dir));
             Connection app = connect(restarted, "old_app", "old-pw")) {
            assertThat(one(app, "select oid from pg_roles where rolname = current_user")).isEqualTo("16385");
            assertThat(one(app, "show lock_timeout")).isEqualTo("9s");
        }
    }

    @Test
    void createdRoleLogsInWithItsPasswordAndKeepsItAfterRestart(@TempDir Path dir) throws Exception {
        try (LakepgServer server = LakepgServer.start(config(dir))) {
            try (Connection admin = connect(server, "postgres", "super")) {
                run(admin, "create role app login password 'app-pw'");
                run(admin, "create role nologin_role password 'x'");
            }
            try (Connection app = connect(server, "app", "app-pw")) {
                assertThat(one(app, "select current_user || '/' || session_user")).isEqualTo("app/app");
            }
            assertThatThrownBy(() -> connect(server, "app", "wrong"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
            assertThatThrownBy(() -> connect(server, "nologin_role", "x"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("28000");
                        assertThat(e.getServerErrorMessage().getMessage())
                                .isEqualTo("role \"nologin_role\" is not permitted to log in");
                    });
        }
        try (LakepgServer restarted = LakepgServer.start(config(dir))) {
            try (Connection app = connect(restarted, "app", "app-pw")) {
                assertThat(one(app, "select current_user")).isEqualTo("app");
            }
            try (Connection admin = connect(restarted, "postgres", "super")) {
                run(admin, "alter role app password 'changed'");
            }
            assertThatThrownBy(() -> connect(restarted, "app", "app-pw"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
            try (Connection app = connect(restarted, "app", "changed")) {
                assertThat(one(app, "select current_user")).isEqualTo("app");
            }
            try (Connection admin = connect(restarted, "postgres", "super")) {
                run(admin, "alter role app set search_path = app_schema, public");
                run(admin, "alter role app in database postgres set statement_timeout = '5s'");
                assertThatThrownBy(() -> run(admin, "alter role app set no_such_setting = 1"))
                        .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42704"));
            }
            try (Connection app = connect(restarted, "app", "changed")) {
                assertThat(one(app, "show search_path")).isEqualTo("app_schema, public");
                assertThat(one(app, "show statement_timeout")).isEqualTo("5s");
            }
            try (Connection admin = connect(restarted, "postgres", "super")) {
                run(admin, "alter role app reset search_path");
            }
            try (Connection app = connect(restarted, "app", "changed")) {
                assertThat(one(app, "show search_path")).isEqualTo("\"$user\", public");
            }
            try (Connection admin = connect(restarted, "postgres", "super")) {
                run(admin, "drop role app");
            }
            assertThatThrownBy(() -> connect(restarted, "app", "changed"))
                    // as PostgreSQL, password authentication does not tell a missing role from a wrong password
                    .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        }
    }

    @Test
    void tablePrivilegesAreCheckedForNonSuperusers(@TempDir Path dir) throws Exception {
        try (LakepgServer server = LakepgServer.start(config(dir));
             Connection admin = connect(server, "postgres", "super")) {
            run(admin, "create role reader login password 'r'");
            run(admin, "create table secret_t (id int, v text)");
            run(admin, "insert into secret_t values (1, 'a'), (2, 'b')");
            try (Connection reader = connect(server, "reader", "r")) {
                assertPermissionDenied(reader, "select * from secret_t");
                assertPermissionDenied(reader, "insert into secret_t values (3, 'c')");
                run(admin, "grant select on secret_t to reader");
                // extended protocol too: a prepared statement with a parameter
                try (PreparedStatement ps = reader.prepareStatement("select v from secret_t where id = ?")) {
                    ps.setInt(1, 2);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo("b");
                    }
                }
                assertPermissionDenied(reader, "update secret_t set v = 'x'");
                assertPermissionDenied(reader, "delete from secret_t where id = 1");
                run(admin, "revoke select on secret_t from reader");
                assertPermissionDenied(reader, "select count(*) from secret_t");
                assertThatThrownBy(() -> run(reader, "drop table secret_t"))
                        .isInstanceOfSatisfying(PSQLException.class, e -> {
                            assertThat(e.getSQLState()).isEqualTo("42501");
                            assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("must be owner of table secret_t");
                        });
            }
            assertThat(one(admin, "select count(*) from secret_t")).isEqualTo("2");
        }
    }

    @Test
    void onlyMembersOfASessionsRoleOrOfPgSignalBackendMaySignalIt(@TempDir Path dir) throws Exception {
        try (LakepgServer server = LakepgServer.start(config(dir));
             Connection admin = connect(server, "postgres", "super")) {
            run(admin, "create role sig_victim login password 'v'");
            run(admin, "create role sig_other login password 'o'");
            try (Connection victim = connect(server, "sig_victim", "v");
                 Connection other = connect(server, "sig_other", "o")) {
                String pid = one(victim, "select pg_backend_pid()");
                assertThatThrownBy(() -> one(other, "select pg_cancel_backend(" + pid + ")"))
                        .isInstanceOfSatisfying(PSQLException.class, e -> {
                            assertThat(e.getSQLState()).isEqualTo("42501");
                            assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("must be a member of the role"
                                    + " whose query is being canceled or member of pg_signal_backend");
                        });
                assertThatThrownBy(() -> one(other, "select pg_terminate_backend(" + pid + ")"))
                        .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getServerErrorMessage()
                                .getMessage()).isEqualTo("must be a member of the role whose process is being"
                                + " terminated or member of pg_signal_backend"));
                assertThat(one(victim, "select 'untouched'")).isEqualTo("untouched");
                run(admin, "grant pg_signal_backend to sig_other");
                assertThat(one(other, "select pg_cancel_backend(" + pid + ")")).isEqualTo("t");
                assertThat(one(victim, "select 'idle cancel is harmless'")).isEqualTo("idle cancel is harmless");
                // a superuser's session stays out of reach
                String adminPid = one(admin, "select pg_backend_pid()");
                assertThatThrownBy(() -> one(other, "select pg_terminate_backend(" + adminPid + ")"))
                        .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getServerErrorMessage()
                                .getMessage()).isEqualTo("must be a superuser to terminate superuser process"));
                assertThat(one(other, "select pg_terminate_backend(" + pid + ")")).isEqualTo("t");
                assertThatThrownBy(() -> one(victim, "select 1")).isInstanceOf(SQLException.class);
            }
            assertThat(one(admin, "select 'admin still here'")).isEqualTo("admin still here");
        }
    }

    private static void assertPermissionDenied(Connection c, String sql) {
        assertThatThrownBy(() -> run(c, sql)).isInstanceOfSatisfying(PSQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("42501");
            assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("permission denied for table secret_t");
        });
    }
}
