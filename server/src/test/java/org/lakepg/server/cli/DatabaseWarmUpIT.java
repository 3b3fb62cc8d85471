package org.lakepg.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.server.LakepgServer;
import org.postgresql.util.PSQLException;

/**
 * A compute that warms up on a scratch database of its own store: every other session is refused as PostgreSQL
 * refuses them while it starts up, the scratch database (and one a killed compute left) is gone afterwards, and the
 * server then serves everyone.
 */
class DatabaseWarmUpIT {

    @Test
    void refusesOtherSessionsWhileWarmingUpThenDropsTheScratchDatabase(@TempDir Path data) throws Exception {
        String scratch = DatabaseWarmUp.scratchName();
        try (LakepgServer server = LakepgServer.start(
                ServerConfig.parse(List.of("--port", "0", "--data", data.toString()), Map.of()), scratch)) {
            assertThatThrownBy(() -> connect(server, "postgres").close())
                    .isInstanceOf(PSQLException.class)
                    .hasMessageContaining("the database system is starting up")
                    .satisfies(e -> assertThat(((PSQLException) e).getSQLState()).isEqualTo("57P03"));
            server.cluster().create(DatabaseWarmUp.PREFIX + "1", "template0"); // as a compute killed while warming up left it

            int statements = DatabaseWarmUp.run(server, scratch, Duration.ofSeconds(2)).statements();

            assertThat(statements).as("statements the warm-up ran (its load alone is 60)").isGreaterThanOrEqualTo(60);
            try (Connection c = connect(server, "postgres"); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select count(*) from pg_database where datname like 'lakepg\\_warm\\_up\\_%'")) {
                r.next();
                assertThat(r.getInt(1)).as("scratch databases left").isZero();
            }
        }
    }

    private static Connection connect(LakepgServer server, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.address().getPort() + "/" + database
                + "?user=postgres");
    }
}
