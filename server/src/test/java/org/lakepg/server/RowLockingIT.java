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
            run(c, "create table rl_t (id int primary key, v int)", "insert into rl_t values (1, 10), (2, 20), (3, 30)");
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
