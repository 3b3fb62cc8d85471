package org.lakepg.server.cli.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lakepg.storage.Lsn;
import org.lakepg.storage.TimelineId;
import org.lakepg.storage.cloud.cli.SafekeeperMain;
import org.lakepg.storage.cloud.cluster.Launcher;
import org.lakepg.storage.cloud.cluster.LocalCluster;
import org.lakepg.storage.cloud.rpc.PageserverClient;
import org.lakepg.storage.cloud.safekeeper.SafekeeperAddress;
import org.lakepg.storage.cloud.wal.WalProtocol;
import org.lakepg.storage.cloud.wal.WalQuorum;

/**
 * A local cluster of real processes started from the built jar (target/lakepg.jar, made in the package phase
 * before the ITs run), plus what the fault tests need: JDBC connections, pgbench, the safekeepers' and
 * pageserver's view of a timeline. Closing stops exactly the processes it started.
 */
final class ClusterFixture implements AutoCloseable {

    static final Path JAR = Path.of("target", "lakepg.jar");
    static final Path PGBENCH = Path.of("/usr/lib/postgresql/15/bin/pgbench");

    final LocalCluster cluster;

    private ClusterFixture(LocalCluster cluster) {
        this.cluster = cluster;
    }

    /** A cluster speaking {@code protocol}, unless -Dlakepg.cluster.wal-protocol says otherwise. */
    static ClusterFixture start(Path dir, WalProtocol protocol) {
        return start(dir, c -> c.withWalProtocol(protocol));
    }

    static ClusterFixture start(Path dir, java.util.function.Consumer<LocalCluster> configure) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the ITs with mvn verify");
        }
        // -Dlakepg.cluster.wal-protocol=proposer runs the fault tests with the compute as the WAL's proposer
        LocalCluster cluster = LocalCluster.at(dir, Launcher.ofJar(JAR));
        String forced = System.getProperty("lakepg.cluster.wal-protocol");
        if (forced != null) {
            cluster.withWalProtocol(WalProtocol.parse(forced));
        }
        configure.accept(cluster);
        ClusterFixture fixture = new ClusterFixture(cluster);
        try {
            cluster.start(0);
        } catch (RuntimeException e) {
            fixture.close();
            throw e;
        }
        return fixture;
    }

    static ClusterFixture start(Path dir) {
        return start(dir, c -> { });
    }

    String url(String compute) {
        return "jdbc:postgresql://127.0.0.1:" + cluster.port(compute) + "/postgres?user=postgres&connectTimeout=10";
    }

    Connection connect() throws SQLException {
        return connect(LocalCluster.COMPUTE);
    }

    Connection connect(String compute) throws SQLException {
        return DriverManager.getConnection(url(compute));
    }

    /** Runs pgbench against the compute; returns its output (stdout and stderr). */
    String pgbench(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PGBENCH.toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(cluster.port(LocalCluster.COMPUTE)), "-U", "postgres"));
        command.addAll(List.of(args));
        command.add("postgres");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("pgbench did not finish within " + timeout + ": "
                    + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("pgbench failed (exit " + p.exitValue() + "): " + out);
        }
        return out;
    }

    TimelineId timeline(String name) {
        try (PageserverClient ps = PageserverClient.connect(cluster.pageserverAddress())) {
            return ps.byName(name).orElseThrow().id();
        }
    }

    PageserverClient.TimelineStatus pageserverStatus(TimelineId timeline) {
        try (PageserverClient ps = PageserverClient.connect(cluster.pageserverAddress())) {
            return ps.status(timeline);
        }
    }

    /** Each safekeeper's end of the timeline's WAL as it has applied it; INVALID for a member that does not answer. */
    List<Lsn> safekeeperEnds(TimelineId timeline) {
        List<SafekeeperAddress> members = SafekeeperAddress.parseList(cluster.safekeeperList());
        List<Lsn> ends = new ArrayList<>();
        try (WalQuorum client = cluster.walProtocol().connect(members)) {
            for (SafekeeperAddress member : members) {
                try {
                    ends.add(client.status(timeline, member).endLsn());
                } catch (RuntimeException e) {
                    ends.add(Lsn.INVALID);
                }
            }
        }
        return ends;
    }

    /** The directory in which safekeeper {@code n} keeps the timeline's WAL (the layout depends on the protocol). */
    Path safekeeperTimelineDir(int n, TimelineId timeline) {
        String under = cluster.walProtocol() == WalProtocol.PROPOSER ? SafekeeperMain.PROPOSER_DATA : "wal";
        return cluster.dataDir(LocalCluster.safekeeper(n)).resolve(under).resolve(timeline.toString());
    }

    /** The generation the timeline is written with, as the safekeepers' quorum reports it (0: never taken). */
    long generation(TimelineId timeline) {
        try (WalQuorum client = cluster.walProtocol().connect(SafekeeperAddress.parseList(cluster.safekeeperList()))) {
            return client.status(timeline).generation();
        }
    }

    /** The last lines of every process's log (printed when a test ends, for the failsafe report). */
    String logTails() {
        StringBuilder out = new StringBuilder();
        for (String service : LocalCluster.services()) {
            out.append("---- ").append(service).append(" ----\n").append(LocalCluster.tail(cluster.log(service), 8)).append('\n');
        }
        return out.toString();
    }

    @Override
    public void close() {
        System.out.println(logTails());
        cluster.stopAll(Duration.ofSeconds(5));
    }
}
