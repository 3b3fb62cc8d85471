package org.lakepg.server.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lakepg.server.JdbcRows.one;
import static org.lakepg.server.JdbcRows.rows;
import static org.lakepg.server.JdbcRows.run;

import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.server.proxy.ProcessComputeLauncher;
import org.lakepg.server.proxy.ProxyServer;
import org.lakepg.storage.cloud.cluster.Launcher;
import org.lakepg.storage.cloud.cluster.LocalCluster;

/**
 * The serverless proxy over the cloud store: every endpoint (a database or a branch) gets its own compute
 * process, each taking only its own timeline on the safekeepers, so the computes of main and of a branch run side by
 * side without fencing each other; each is suspended when idle and woken with everything it committed.
 */
class ProxyCloudIT {

    @TempDir
    Path dir;

    @Test
    @Timeout(400)
    void eachEndpointHasItsOwnComputeProcessAndTheyRunSideBySide() throws Exception {
        try (ClusterFixture fixture = ClusterFixture.start(dir.resolve("cluster"))) {
            fixture.cluster.stop(LocalCluster.COMPUTE, Duration.ofSeconds(10)); // the proxy's computes replace it
            Launcher jar = Launcher.ofJar(ClusterFixture.JAR);
            var launcher = new ProcessComputeLauncher(jar.command(List.of(), List.of()),
                    fixture.cluster.computeStorageArguments(),
                    dir.resolve("logs"), false, true, dir.resolve("endpoints"));
            launcher.prepareSpare();
            ProxyServer proxy = ProxyServer.start(InetAddress.getLoopbackAddress(), 0, launcher, Duration.ofSeconds(2));
            try {
                try (Connection main = connect(proxy, "postgres")) {
                    run(main, "create table pc_t (id int primary key, who text)", "insert into pc_t values (1, 'main')");
                    one(main, "select lakepg_create_branch('dev')");
                    try (Connection dev = connect(proxy, "postgres@dev")) {
                        run(dev, "insert into pc_t values (2, 'dev')");
                        // two compute processes: each answers on its own port
                        assertThat(one(dev, "select inet_server_port()")).isNotEqualTo(one(main, "select inet_server_port()"));
                        assertThat(proxy.computeRunning("postgres")).isTrue();
                        assertThat(proxy.computeRunning("postgres@dev")).isTrue();
                        // neither fenced the other: both keep committing, alternately
                        for (int i = 3; i < 8; i++) {
                            run(main, "insert into pc_t values (" + i + ", 'main')");
                            run(dev, "insert into pc_t values (" + (i + 100) + ", 'dev')");
                        }
                        assertThat(rows(dev, "select count(*), min(who), max(who) from pc_t")).containsExactly("7|dev|main");
                    }
                    assertThat(rows(main, "select count(*) from pc_t")).containsExactly("6");
                }
                awaitSuspended(proxy, "postgres");
                awaitSuspended(proxy, "postgres@dev");
                try (Connection dev = connect(proxy, "postgres@dev"); Connection main = connect(proxy, "postgres")) {
                    assertThat(rows(dev, "select count(*) from pc_t")).containsExactly("7");
                    assertThat(rows(main, "select count(*) from pc_t where who = 'dev'")).containsExactly("0");
                    run(main, "insert into pc_t values (50, 'main after wake')");
                    run(dev, "insert into pc_t values (150, 'dev after wake')");
                }
            } finally {
                proxy.close();
            }
        }
    }

    private static void awaitSuspended(ProxyServer proxy, String endpoint) throws InterruptedException {
        for (int i = 0; i < 600 && proxy.computeRunning(endpoint); i++) {
            Thread.sleep(100);
        }
        assertThat(proxy.computeRunning(endpoint)).as("compute of %s suspended", endpoint).isFalse();
    }

    private static Connection connect(ProxyServer proxy, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + proxy.address().getPort() + "/"
                + database + "?user=postgres&connectTimeout=120&socketTimeout=120");
    }
}
