package org.lakepg.storage.cloud.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.storage.Timeline;
import org.lakepg.storage.cloud.cluster.Launcher;
import org.lakepg.storage.cloud.cluster.LocalCluster;
import org.lakepg.storage.cloud.cluster.ServiceKind;
import org.lakepg.storage.cloud.rpc.PageserverClient;
import org.lakepg.storage.cloud.safekeeper.SafekeeperAddress;
import org.lakepg.storage.cloud.wal.WalProtocol;
import org.lakepg.storage.cloud.wal.WalQuorum;

/**
 * {@code lakepg cluster start|status|stop|replica|gc --dir D [--port 5432]}: a local dev cluster of separate
 * processes (S3 server, three safekeepers, pageserver, compute, optionally a read replica compute) started from this
 * same jar; see {@link LocalCluster}.
 */
public final class ClusterMain {

    private static final String USAGE = """
            usage: lakepg cluster start --dir D [--port 5432] [--wal-protocol proposer|raft] [--warm-up 15]
                                                          start (or restart on D's data) S3, 3 safekeepers, pageserver, compute
                                                          (the compute first warms its JIT up on a scratch server for
                                                          --warm-up seconds, default 15 or LAKEPG_CLUSTER_WARM_UP; 0: none)
                                                          (a new cluster's WAL protocol: proposer unless given; D keeps it)
                   lakepg cluster status --dir D               which processes run, their ports, LSNs
                   lakepg cluster stop --dir D [--timeout-s 10]  SIGTERM each, SIGKILL after the timeout
                   lakepg cluster replica --dir D [--port P]   start a read replica compute (follows every timeline)
                   lakepg cluster gc --dir D                   pageserver checkpoint, compaction, GC and upload now""";

    private ClusterMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !List.of("start", "status", "stop", "replica", "gc").contains(args[0])) {
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || (i + 1 >= args.length && !arg.contains("="))) {
                System.err.println("lakepg cluster: unexpected argument \"" + arg + "\"");
                System.err.println(USAGE);
                System.exit(2);
                return;
            }
            if (arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                options.put(arg.substring(2), args[++i]);
            }
        }
        String dir = options.remove("dir");
        int port = Integer.parseInt(options.getOrDefault("port", "0"));
        long timeout = Long.parseLong(options.getOrDefault("timeout-s", "10"));
        String walProtocol = options.remove(WalProtocol.FLAG);
        String warmUp = options.remove("warm-up");
        options.remove("port");
        options.remove("timeout-s");
        if (dir == null || !options.isEmpty()) {
            System.err.println(dir == null ? "lakepg cluster: --dir is required"
                    : "lakepg cluster: unknown option --" + options.keySet().iterator().next());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        LocalCluster cluster;
        try {
            cluster = LocalCluster.at(Path.of(dir), Launcher.ofCurrentJvm())
                    .withWalProtocol(walProtocol == null ? null : WalProtocol.parse(walProtocol));
            String seconds = warmUp != null ? warmUp : System.getenv().getOrDefault(COMPUTE_WARM_UP, DEFAULT_WARM_UP);
            if (Double.parseDouble(seconds) > 0) {
                cluster.withExtraArguments(ServiceKind.COMPUTE, List.of("--warm-up", seconds));
            }
        } catch (IllegalArgumentException e) { // NumberFormatException of --warm-up too
            System.err.println("lakepg cluster: " + e.getMessage());
            System.exit(2);
            return;
        }
        switch (args[0]) {
            case "start" -> start(cluster, port);
            case "status" -> status(cluster);
            case "replica" -> startReplica(cluster, port);
            case "gc" -> gc(cluster);
            default -> {
                cluster.process(LocalCluster.REPLICA).ifPresent(p -> System.out.println("stopping replica (pid " + p.pid() + ")"));
                for (String service : LocalCluster.services().reversed()) {
                    cluster.process(service).ifPresent(p -> System.out.println("stopping " + service + " (pid " + p.pid() + ")"));
                }
                cluster.stopAll(Duration.ofSeconds(timeout));
                System.out.println("cluster in " + cluster.dir() + " stopped");
            }
        }
    }

    /** Seconds a compute started here warms its JIT up on a scratch server first (0: none); see docs/cluster.md. */
    static final String COMPUTE_WARM_UP = "LAKEPG_CLUSTER_WARM_UP";
    private static final String DEFAULT_WARM_UP = "15";

    private static void start(LocalCluster cluster, int port) {
        long begin = System.nanoTime();
        try {
            cluster.start(port);
        } catch (RuntimeException e) {
            System.err.println("lakepg cluster: " + e.getMessage());
            System.err.println("lakepg cluster: stopping what was started");
            cluster.stopAll(Duration.ofSeconds(10));
            System.exit(1);
        }
        System.out.printf("lakepg cluster in %s started in %.1f s:%n", cluster.dir(), (System.nanoTime() - begin) / 1e9);
        printServices(cluster);
        System.out.printf("connect with: psql -h 127.0.0.1 -p %d -U postgres%n", cluster.port(LocalCluster.COMPUTE));
        System.out.println("stop with:    lakepg cluster stop --dir " + cluster.dir());
    }

    private static void startReplica(LocalCluster cluster, int port) {
        if (!cluster.file().exists()) {
            System.err.println("lakepg cluster: no cluster in " + cluster.dir() + "; start it first");
            System.exit(1);
        }
        if (port > 0) {
            cluster.file().setPort(LocalCluster.REPLICA, port);
            cluster.file().save();
        }
        try {
            cluster.startService(LocalCluster.REPLICA);
        } catch (RuntimeException e) {
            System.err.println("lakepg cluster: " + e.getMessage());
            System.exit(1);
        }
        System.out.printf("read replica started; connect with: psql -h 127.0.0.1 -p %d -U postgres%n",
                cluster.port(LocalCluster.REPLICA));
    }

    private static void gc(LocalCluster cluster) {
        try (PageserverClient pageserver = PageserverClient.connect(cluster.pageserverAddress())) {
            long start = System.nanoTime();
            int removed = pageserver.collectGarbage();
            System.out.printf("pageserver GC removed %d layers in %d ms%n", removed, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            System.err.println("lakepg cluster: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void printServices(LocalCluster cluster) {
        List<String> services = new java.util.ArrayList<>(LocalCluster.services());
        if (cluster.file().port(LocalCluster.REPLICA).isPresent()) {
            services.add(LocalCluster.REPLICA);
        }
        for (String service : services) {
            String pid = cluster.process(service).map(p -> "pid " + p.pid()).orElse("NOT RUNNING");
            String where = cluster.file().port(service).map(p -> "127.0.0.1:" + p).orElse("-");
            System.out.printf("  %-13s %-16s %-12s log %s%n", service, where, pid, cluster.log(service));
        }
    }

    private static String endOf(WalQuorum safekeepers, Timeline t, SafekeeperAddress member) {
        try {
            return safekeepers.status(t.id(), member).endLsn().toString();
        } catch (RuntimeException e) {
            return "?"; // no compute wrote the timeline yet, or the member did not answer
        }
    }

    private static void status(LocalCluster cluster) {
        if (!cluster.file().exists()) {
            System.out.println("no cluster in " + cluster.dir());
            System.exit(1);
        }
        System.out.println("lakepg cluster in " + cluster.dir() + ":");
        printServices(cluster);
        if (!cluster.running(LocalCluster.PAGESERVER)) {
            return;
        }
        List<SafekeeperAddress> members = SafekeeperAddress.parseList(cluster.safekeeperList());
        try (PageserverClient pageserver = new PageserverClient("127.0.0.1", cluster.port(LocalCluster.PAGESERVER),
                Duration.ofSeconds(2), Duration.ofSeconds(5));
                WalQuorum safekeepers = cluster.walProtocol().connect(members)) {
            System.out.println("timelines (pageserver: ingested LSN, LSN up to which S3 holds everything;"
                    + " each safekeeper's end of the WAL):");
            for (Timeline t : pageserver.list()) {
                PageserverClient.TimelineStatus s = pageserver.status(t.id());
                StringBuilder ends = new StringBuilder();
                for (SafekeeperAddress member : members) {
                    String end = cluster.running(LocalCluster.safekeeper(member.id())) ? endOf(safekeepers, t, member) : "down";
                    ends.append(ends.isEmpty() ? "" : " ").append(member.id()).append(':').append(end);
                }
                System.out.printf("  %-20s %s ingested %s, in S3 up to %s, safekeepers %s%n", t.name(), t.id(),
                        s.ingestedLsn(), s.remoteConsistentLsn(), ends);
            }
        } catch (RuntimeException e) {
            System.out.println("  (pageserver did not answer: " + e.getMessage() + ")");
        }
    }
}
