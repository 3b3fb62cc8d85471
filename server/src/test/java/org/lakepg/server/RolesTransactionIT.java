package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lakepg.server.JdbcRows.rows;
import static org.lakepg.server.JdbcRows.run;
import static org.lakepg.server.ScramServers.config;
import static org.lakepg.server.ScramServers.connect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;

/**
 * Role DDL is transactional, as in PostgreSQL: CREATE/ALTER/DROP ROLE, GRANT/REVOKE role and ALTER ROLE/DATABASE
 * ... SET are seen by their own session at once, by others only after COMMIT, and undone by ROLLBACK (TO SAVEPOINT).
 */
class RolesTransactionIT {

    private static List<String> testRoles(Connection c) throws SQLException {
        return rows(c, "select rolname from pg_roles where rolname like 'tx%' order by 1");
    }

    private static List<String> memberships(Connection c) throws SQLException {
        return rows(c, "select r.rolname || '>' || m.rolname from pg_auth_members a join pg_roles r on r.oid = a.roleid"
                + " join pg_roles m on m.oid = a.member where m.rolname like 'tx%' order by 1");
    }

    @Test
    void rollbackUndoesEveryKindOfRoleChange(@TempDir Path dir) throws Exception {
        try (LakepgServer server = LakepgServer.start(config(dir));
             Connection admin = connect(server, "postgres", "super")) {
            run(admin, "create role tx_group", "create role tx_user login password 'pw1' in role tx_group",
                    "create role tx_gone");
            admin.setAutoCommit(false);
            run(admin, "create role tx_new", "alter role tx_user createdb password 'pw2'",
                    "alter role tx_gone rename to tx_renamed", "drop role tx_group", "grant tx_new to tx_user",
                    "alter role tx_user set work_mem = '7MB'", "alter database postgres set lock_timeout = '3s'");
            assertThat(testRoles(admin)).containsExactly("tx_new", "tx_renamed", "tx_user");
            assertThat(memberships(admin)).containsExactly("tx_new>tx_user");
            admin.rollback();
            admin.setAutoCommit(true);

            assertThat(testRoles(admin)).containsExactly("tx_gone", "tx_group", "tx_user");
            assertThat(memberships(admin)).containsExactly("tx_group>tx_user");
            assertThat(rows(admin, "select rolcreatedb from pg_roles where rolname = 'tx_user'")).containsExactly("f");
            try (Connection user = connect(server, "tx_user", "pw1")) {
                assertThat(rows(user, "show work_mem")).containsExactly("4MB");
                assertThat(rows(user, "show lock_timeout")).containsExactly("0");
            }
            assertThatThrownBy(() -> connect(server, "tx_user", "pw2"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        }
    }

    @Test
    void committedChangesReachNewSessionsAndSurviveARestart(@TempDir Path dir) throws Exception {
        try (LakepgServer server = LakepgServer.start(config(dir));
             Connection admin = connect(server, "postgres", "super")) {
            admin.setAutoCommit(false);
            run(admin, "create role tx_app login password 'app-pw'", "alter role tx_app set work_mem = '7MB'",
                    "alter database postgres set lock_timeout = '3s'", "create role tx_rolled_back");
            run(admin, "savepoint s", "drop role tx_rolled_back", "create role tx_in_savepoint", "rollback to savepoint s");
            admin.commit();
            try (Connection app = connect(server, "tx_app", "app-pw")) {
                assertThat(rows(app, "show work_mem")).containsExactly("7MB");
                assertThat(rows(app, "show lock_timeout")).containsExactly("3s");
            }
        }
        try (LakepgServer restarted = LakepgServer.start(config(dir));
             Connection app = connect(restarted, "tx_app", "app-pw")) {
            assertThat(testRoles(app)).containsExactly("tx_app", "tx_rolled_back");
            assertThat(rows(app, "show work_mem")).containsExactly("7MB");
            assertThat(rows(app, "show lock_timeout")).containsExactly("3s");
        }
    }

    @Test
    void rollbackToSavepointUndoesOnlyWhatFollowedIt(@TempDir Path dir) throws Exception {
        try (LakepgServer server = LakepgServer.start(config(dir));
             Connection admin = connect(server, "postgres", "super")) {
            run(admin, "create role tx_a", "create role tx_b");
            admin.setAutoCommit(false);
            run(admin, "create role tx_before", "savepoint s1", "drop role tx_a", "grant tx_b to tx_before",
                    "savepoint s2", "create role tx_inner");
            assertThat(testRoles(admin)).containsExactly("tx_b", "tx_before", "tx_inner");
            run(admin, "rollback to savepoint s2");
            assertThat(testRoles(admin)).containsExactly("tx_b", "tx_before");
            run(admin, "rollback to savepoint s1");
            assertThat(testRoles(admin)).containsExactly("tx_a", "tx_b", "tx_before");
            assertThat(memberships(admin)).isEmpty();
            run(admin, "alter role tx_b rename to tx_c", "release savepoint s1");
            admin.commit();
            admin.setAutoCommit(true);
            assertThat(testRoles(admin)).containsExactly("tx_a", "tx_before", "tx_c");
        }
    }

    @Test
    void uncommittedRolesAreSeenOnlyByTheirOwnSession(@TempDir Path dir) throws Exception {
        try (LakepgServer server = LakepgServer.start(config(dir));
             Connection mine = connect(server, "postgres", "super");
             Connection other = connect(server, "postgres", "super")) {
            mine.setAutoCommit(false);
            run(mine, "create role tx_mine login password 'pw'");
            assertThat(testRoles(mine)).containsExactly("tx_mine");
            run(mine, "set role tx_mine");
            assertThat(rows(mine, "select current_user")).containsExactly("tx_mine");
            run(mine, "reset role");
            assertThat(testRoles(other)).isEmpty();
            // as for any unknown role, PostgreSQL only says the password authentication failed
            assertThatThrownBy(() -> connect(server, "tx_mine", "pw"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
            assertThatThrownBy(() -> run(other, "set role tx_mine"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22023"));
            mine.commit();
            assertThat(testRoles(other)).containsExactly("tx_mine");
            try (Connection created = connect(server, "tx_mine", "pw")) {
                assertThat(rows(created, "select session_user")).containsExactly("tx_mine");
            }
        }
    }

    @Test
    void aConcurrentCreateOfOneNameWaitsAndFailsWithPostgresUniqueViolationOnceTheFirstCommits(@TempDir Path dir)
            throws Exception {
        try (LakepgServer server = LakepgServer.start(config(dir));
             Connection first = connect(server, "postgres", "super");
             Connection second = connect(server, "postgres", "super")) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            run(first, "create role tx_same");
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try {
                    run(second, "create role tx_same");
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            });
            assertThatThrownBy(() -> waiting.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            first.commit();
            assertThatThrownBy(waiting::join).hasCauseInstanceOf(PSQLException.class).satisfies(t -> {
                PSQLException e = (PSQLException) t.getCause();
                assertThat(e.getSQLState()).isEqualTo("23505");
                assertThat(e.getServerErrorMessage().getMessage())
                        .isEqualTo("duplicate key value violates unique constraint \"pg_authid_rolname_index\"");
                assertThat(e.getServerErrorMessage().getDetail()).isEqualTo("Key (rolname)=(tx_same) already exists.");
            });
            second.rollback();
            second.setAutoCommit(true);
            assertThat(rows(second, "select count(*) from pg_roles where rolname = 'tx_same'")).containsExactly("1");
            // and a later CREATE sees the committed role at once
            assertThatThrownBy(() -> run(second, "create role tx_same"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42710"));
        }
    }

    @Test
    void aRenameWaitingForACreateThatRollsBackSucceeds(@TempDir Path dir) throws Exception {
        try (LakepgServer server = LakepgServer.start(config(dir));
             Connection first = connect(server, "postgres", "super");
             Connection second = connect(server, "postgres", "super")) {
            run(first, "create role tx_old");
            first.setAutoCommit(false);
            run(first, "create role tx_maybe");
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try {
                    run(second, "alter role tx_old rename to tx_maybe");
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            });
            assertThatThrownBy(() -> waiting.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            first.rollback();
            waiting.join();
            first.setAutoCommit(true);
            assertThat(testRoles(first)).containsExactly("tx_maybe");
        }
    }

    @Test
    void twoCreatesWaitingForEachOtherAreADeadlock(@TempDir Path dir) throws Exception {
        try (LakepgServer server = LakepgServer.start(config(dir));
             Connection first = connect(server, "postgres", "super");
             Connection second = connect(server, "postgres", "super")) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            run(first, "create role tx_x");
            run(second, "create role tx_y");
            CompletableFuture<Void> firstWaits = CompletableFuture.runAsync(() -> {
                try {
                    run(first, "create role tx_y");
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            });
            assertThatThrownBy(() -> firstWaits.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            SQLException secondFailure = null;
            try {
                run(second, "create role tx_x");
            } catch (SQLException e) {
                secondFailure = e;
            }
            // one of the two is chosen as the victim (40P01); the other then goes on once the victim rolls back
            if (secondFailure != null) {
                assertThat(secondFailure.getSQLState()).isEqualTo("40P01");
                second.rollback();
                firstWaits.join();
                first.commit();
            } else {
                assertThatThrownBy(firstWaits::join).hasCauseInstanceOf(PSQLException.class).satisfies(t ->
                        assertThat(((PSQLException) t.getCause()).getSQLState()).isEqualTo("40P01"));
                first.rollback();
                second.commit();
            }
            assertThat(testRoles(first)).hasSize(2);
        }
    }

    @Test
    void concurrentCreatesFromTwoDatabasesConflictAtCommit(@TempDir Path dir) throws Exception {
        try (LakepgServer server = LakepgServer.start(config(dir));
             Connection first = connect(server, "postgres", "super")) {
            run(first, "create database tx_elsewhere");
            Properties p = new Properties();
            p.setProperty("user", "postgres");
            p.setProperty("password", "super");
            try (Connection second = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + server.address().getPort() + "/tx_elsewhere", p)) {
                first.setAutoCommit(false);
                second.setAutoCommit(false);
                run(first, "create role tx_same");
                run(second, "create role tx_same", "create role tx_other");
                first.commit();
                assertThatThrownBy(second::commit).isInstanceOfSatisfying(PSQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("42710");
                    assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("role \"tx_same\" already exists");
                });
                second.setAutoCommit(true);
                assertThat(testRoles(second)).containsExactly("tx_same");
            }
        }
    }

    @Test
    void droppingARoleThatOwnsObjectsStillFailsLikePostgres(@TempDir Path dir) throws Exception {
        try (LakepgServer server = LakepgServer.start(config(dir));
             Connection admin = connect(server, "postgres", "super")) {
            admin.setAutoCommit(false);
            run(admin, "create role tx_owner", "create table tx_t (a int)", "grant select on tx_t to tx_owner");
            admin.commit();
            assertThatThrownBy(() -> run(admin, "drop role tx_owner")).isInstanceOfSatisfying(PSQLException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("2BP01");
                assertThat(e.getServerErrorMessage().getDetail()).isEqualTo("privileges for table tx_t");
            });
            admin.rollback();
            admin.setAutoCommit(true);
            assertThat(testRoles(admin)).containsExactly("tx_owner");
        }
    }
}
