package org.lakepg.server.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.storage.cloud.wal.WalProtocol;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A second compute on the same timeline takes it with a newer generation: the first one's next commit fails and
 * nothing it writes afterwards appears anywhere (no split brain).
 */
class FencingIT {

    @TempDir
    Path dir;

    /** How the cluster's WAL reaches the safekeepers (a subclass runs this test with the proposer protocol). */
    WalProtocol walProtocol() {
        return WalProtocol.RAFT;
    }

    @Test
    @Timeout(300)
    void aSecondComputeFencesTheFirst() throws Exception {
        try (ClusterFixture fixture = ClusterFixture.start(dir, walProtocol())) {
            try (Connection first = fixture.connect(); Statement s1 = first.createStatement()) {
                s1.execute("create table t(id int primary key, who text)");
                s1.execute("insert into t values (1, 'first')");

                fixture.cluster.startService("compute-2"); // its first session takes the timeline "postgres"

                assertThatThrownBy(() -> s1.execute("insert into t values (2, 'first after takeover')"))
                        .satisfies(e -> System.out.println("the fenced compute said: " + e.getMessage()))
                        .satisfies(FencingIT::isFatalFencing);
                assertThat(first.isValid(5)).as("the fenced session is over").isFalse();
                try (Connection again = fixture.connect(); Statement s = again.createStatement()) {
                    assertThatThrownBy(() -> s.execute("insert into t values (3, 'first, new session')"))
                            .satisfies(e -> System.out.println("a new session on the fenced compute got: " + e.getMessage()))
                            .satisfies(FencingIT::isFatalFencing);
                } catch (SQLException refusedToConnect) {
                    // also fine: a fenced compute may refuse sessions
                }
            }
            try (Connection second = fixture.connect("compute-2"); Statement s2 = second.createStatement()) {
                assertThat(ComputeFailoverIT.longValue(s2, "select count(*) from t where who = 'first'")).isEqualTo(1);
                assertThat(ComputeFailoverIT.longValue(s2, "select count(*) from t where id in (2, 3)")).isZero();
                s2.execute("insert into t values (4, 'second')");
                assertThat(ComputeFailoverIT.longValue(s2, "select count(*) from t")).isEqualTo(2);
            }
        }
    }

    /** FATAL 57000 with a message saying why, and the safekeepers' reason (a newer generation) as the detail. */
    private static void isFatalFencing(Throwable e) {
        assertThat(e).isInstanceOf(PSQLException.class);
        ServerErrorMessage error = ((PSQLException) e).getServerErrorMessage();
        assertThat(error).isNotNull();
        assertThat(error.getSeverity()).isEqualTo("FATAL");
        assertThat(error.getSQLState()).isEqualTo("57000");
        assertThat(error.getMessage()).isEqualTo("terminating connection because this compute can no longer write to its storage");
        assertThat(error.getDetail()).contains("was taken over by generation").contains("is fenced");
        assertThat(e.getMessage()).doesNotContain("GenerationFencedException");
    }
}
