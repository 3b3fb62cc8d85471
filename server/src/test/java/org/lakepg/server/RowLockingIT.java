package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lakepg.server.JdbcRows.rows;
import static org.lakepg.server.JdbcRows.run;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.server.cli.ServerConfig;
import org.postgresql.util.PSQLException;

/** SELECT ... FOR UPDATE / SHARE between two sessions: waiting, NOWAIT, SKIP LOCKED, and what it refuses. */
class RowLockingIT {
    private static LakepgServer server;

    @BeforeAll
    static void start(@TempDir Path data) throws Exception {
        server = LakepgServer.start(ServerConfig.parse(List.of("--port", "0", "--data", data.toString()), Map.of()));
        try (Connection c = connect()) {
            run(c, "create table rl_t (id int primary key, v int)", "insert into rl_t values (1, 10), (2, 20), (3, 30)",
                    "create table rl_u (id int primary key, t_id int)", "insert into rl_u values (7, 1), (8, 2)");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.address().getPort()
                + "/postgres?user=postgres");
    }

    @Test
    void nowaitFailsSkipLockedSkipsAndABlockedLockerGetsTheRowAfterCommit() throws Exception {
        try (Connection a = connect(); Connection b = connect()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            assertThat(rows(a, "select id, v from rl_t where id = 1 for update")).containsExactly("1|10");
            assertThatThrownBy(() -> rows(b, "select * from rl_t where id = 1 for update nowait"))
                    .isInstanceOf(PSQLException.class)
                    .satisfies(e -> assertThat(((PSQLException) e).getSQLState()).isEqualTo("55P03"));
            b.rollback();
            assertThat(rows(b, "select id from rl_t order by id for update skip locked")).containsExactly("2", "3");
            b.rollback();
            // FOR SHARE does not conflict with FOR SHARE, but waits for FOR UPDATE
            CompletableFuture<List<String>> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return rows(b, "select v from rl_t where id = 1 for share");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertThat(waiting).isNotDone();
            run(a, "update rl_t set v = 11 where id = 2");
            a.commit();
            assertThat(waiting.get(10, TimeUnit.SECONDS)).containsExactly("10");
            b.commit();
        }
    }

    @Test
    void forUpdateOfOneTableOfAJoinLocksJustThatTablesRows() throws Exception {
        try (Connection a = connect(); Connection b = connect()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            assertThat(rows(a, "select t.id, u.id from rl_t t join rl_u u on u.t_id = t.id where u.id = 7 for update of t"))
                    .containsExactly("1|7");
            // t's joined row is locked, the other rows of t and all of u are not
            assertThatThrownBy(() -> rows(b, "select * from rl_t where id = 1 for update nowait"))
                    .satisfies(e -> assertThat(((PSQLException) e).getSQLState()).isEqualTo("55P03"));
            b.rollback();
            assertThat(rows(b, "select id from rl_t where id = 2 for update nowait")).containsExactly("2");
            assertThat(rows(b, "select id from rl_u where id = 7 for update nowait")).containsExactly("7");
            b.rollback();
            // a concurrent update of the locked row waits for the locker
            CompletableFuture<Integer> update = CompletableFuture.supplyAsync(() -> {
                try (var st = b.createStatement()) {
                    return st.executeUpdate("update rl_t set v = v + 1 where id = 1");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertThat(update).isNotDone();
            a.commit();
            assertThat(update.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            b.rollback();
        }
    }

    @Test
    void theOuterWhereOverALockingSubqueryLocksOnlyTheRowsItKeeps() throws Exception {
        try (Connection a = connect(); Connection b = connect()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            assertThat(rows(a, "select id, v from (select id, v from rl_t for update) ss where v = 30"))
                    .containsExactly("3|30");
            // PostgreSQL filters below LockRows: the rows the WHERE drops are not locked
            assertThat(rows(b, "select id from rl_t where id < 3 order by id for update nowait"))
                    .containsExactly("1", "2");
            CompletableFuture<Integer> update = CompletableFuture.supplyAsync(() -> {
                try (var st = b.createStatement()) {
                    return st.executeUpdate("update rl_t set v = v where id = 1");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(update.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            b.rollback();
            // the row it keeps is locked
            assertThatThrownBy(() -> rows(b, "select * from rl_t where id = 3 for update nowait"))
                    .satisfies(e -> assertThat(((PSQLException) e).getSQLState()).isEqualTo("55P03"));
            b.rollback();
            a.rollback();
        }
    }

    @Test
    void forUpdateOfAJoinOrAnUnknownNameIsRefusedAsPostgreSqlDoes() throws Exception {
        try (Connection c = connect()) {
            assertThatThrownBy(() -> rows(c, "select * from rl_t join rl_u using (id) as j for update of j"))
                    .hasMessageContaining("FOR UPDATE cannot be applied to a join");
            assertThatThrownBy(() -> rows(c, "select * from rl_t t, rl_u u for share of x"))
                    .hasMessageContaining("relation \"x\" in FOR SHARE clause not found in FROM clause");
            assertThat(rows(c, "select t.id, u.id from rl_t t, rl_u u where u.t_id = t.id order by 1 for update"))
                    .containsExactly("1|7", "2|8");
        }
    }

    @Test
    void lockingRefusesAggregatesAndRunsOnlyInWritableTransactions() throws Exception {
        try (Connection c = connect()) {
            assertThatThrownBy(() -> rows(c, "select count(*) from rl_t for update"))
                    .hasMessageContaining("FOR UPDATE is not allowed with aggregate functions");
            run(c, "set default_transaction_read_only = on");
            assertThatThrownBy(() -> rows(c, "select * from rl_t for share"))
                    .satisfies(e -> assertThat(((PSQLException) e).getSQLState()).isEqualTo("25006"));
            run(c, "reset default_transaction_read_only");
            assertThat(rows(c, "select id from rl_t where v >= 20 order by id desc limit 1 for no key update"))
                    .containsExactly("3");
        }
    }
}
