package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.server.cli.ServerConfig;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;

/**
 * The bulk paths of a load like {@code pgbench -i}: COPY FROM STDIN stores rows a page at a time, ADD PRIMARY KEY
 * and CREATE INDEX build their B-tree bottom-up from sorted keys. What they wrote answers queries like any rows and
 * indexes, keeps accepting changes, and survives a restart.
 */
class BulkLoadIT {

    private static final int ROWS = 30_000;

    private static LakepgServer start(Path data) throws Exception {
        return LakepgServer.start(ServerConfig.parse(List.of("--port", "0", "--data", data.toString()), Map.of()));
    }

    private static Connection connect(LakepgServer server) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.address().getPort()
                + "/postgres?user=postgres");
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** pgbench_accounts-like rows, in a shuffled key order so that the index build has to sort. */
    private static String accounts() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < ROWS; i++) {
            int aid = 1 + (int) ((i * 7919L) % ROWS);
            text.append(aid).append('\t').append(aid % 7).append("\t0\t")
                    .append(aid % 1000 == 0 ? "\\N" : "filler " + aid).append('\n');
        }
        return text.toString();
    }

    @Test
    void aCopiedTableAndItsSortedIndexesAnswerQueriesTakeChangesAndSurviveARestart(@TempDir Path data)
            throws Exception {
        try (LakepgServer server = start(data); Connection c = connect(server)) {
            run(c, "create table bulk_acc (aid int not null, bid int, abalance int, filler text)");
            c.setAutoCommit(false);
            run(c, "truncate bulk_acc");
            long copied = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy bulk_acc from stdin", new StringReader(accounts()));
            c.commit();
            c.setAutoCommit(true);
            assertThat(copied).isEqualTo(ROWS);
            run(c, "alter table bulk_acc add primary key (aid)");
            run(c, "create index bulk_acc_filler on bulk_acc (filler)");
            run(c, "create index bulk_acc_bid on bulk_acc (bid) where bid > 3");

            assertThat(one(c, "select count(*) || ' ' || sum(aid) || ' ' || count(filler) from bulk_acc"))
                    .isEqualTo(ROWS + " " + ((long) ROWS * (ROWS + 1) / 2) + " " + (ROWS - ROWS / 1000));
            run(c, "set enable_seqscan = off");
            assertThat(one(c, "select filler from bulk_acc where aid = 12345")).isEqualTo("filler 12345");
            assertThat(one(c, "select count(*) from bulk_acc where aid between 100 and 199")).isEqualTo("100");
            assertThat(one(c, "select aid from bulk_acc where filler = 'filler 29999'")).isEqualTo("29999");
            assertThat(one(c, "select count(*) from bulk_acc where bid = 5")).isEqualTo(String.valueOf(
                    java.util.stream.IntStream.rangeClosed(1, ROWS).filter(a -> a % 7 == 5).count()));
            assertThatThrownBy(() -> run(c, "insert into bulk_acc values (777, 1, 0, 'again')"))
                    .isInstanceOf(PSQLException.class)
                    .hasMessageContaining("duplicate key value violates unique constraint \"bulk_acc_pkey\"");
            run(c, "insert into bulk_acc select 30000 + i, 1, 0, 'more' from generate_series(1, 2000) i");
            run(c, "update bulk_acc set abalance = abalance + 5 where aid % 100 = 0");
            assertThat(one(c, "select count(*) from bulk_acc where aid > 29990")).isEqualTo("2010");
            // a second COPY goes into a table that already has rows and indexes
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bulk_acc from stdin",
                    new StringReader("40001\t1\t0\tlate one\n40002\t1\t0\tlate two\n"));
            assertThat(one(c, "select filler from bulk_acc where aid = 40002")).isEqualTo("late two");
        }
        try (LakepgServer server = start(data); Connection c = connect(server)) {
            run(c, "set enable_seqscan = off");
            assertThat(one(c, "select count(*) || ' ' || sum(abalance) from bulk_acc"))
                    .isEqualTo((ROWS + 2002) + " " + (5 * (ROWS / 100 + 2000 / 100)));
            assertThat(one(c, "select filler from bulk_acc where aid = 12345")).isEqualTo("filler 12345");
            assertThat(one(c, "select aid from bulk_acc where filler = 'late one'")).isEqualTo("40001");
            run(c, "reindex table bulk_acc");
            assertThat(one(c, "select count(*) from bulk_acc where aid between 29990 and 40002")).isEqualTo("2013");
        }
    }

    @Test
    void aUniqueIndexBuiltFromSortedKeysRejectsDuplicatesButNotNulls(@TempDir Path data) throws Exception {
        try (LakepgServer server = start(data); Connection c = connect(server)) {
            run(c, "create table bulk_u (k int, v text)");
            run(c, "insert into bulk_u select i, 'v' from generate_series(1, 20000) i");
            run(c, "insert into bulk_u select null, 'n' from generate_series(1, 50) i");
            run(c, "create unique index bulk_u_k on bulk_u (k)");
            run(c, "drop index bulk_u_k");
            run(c, "insert into bulk_u values (15000, 'dup')");
            assertThatThrownBy(() -> run(c, "create unique index bulk_u_k2 on bulk_u (k)"))
                    .isInstanceOf(PSQLException.class)
                    .hasMessageContaining("could not create unique index \"bulk_u_k2\"")
                    .hasMessageContaining("Key (k)=(15000) is duplicated.");
            assertThat(one(c, "select count(*) from bulk_u where k is null")).isEqualTo("50");
        }
    }
}
