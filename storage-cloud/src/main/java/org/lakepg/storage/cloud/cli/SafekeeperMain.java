package org.lakepg.storage.cloud.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.cloud.metrics.Metrics;
import org.lakepg.storage.cloud.metrics.MetricsFile;
import org.lakepg.storage.cloud.proposer.AcceptorServer;
import org.lakepg.storage.cloud.safekeeper.SafekeeperAddress;
import org.lakepg.storage.cloud.safekeeper.SafekeeperConfig;
import org.lakepg.storage.cloud.safekeeper.SafekeeperServer;
import org.lakepg.storage.cloud.wal.WalProtocol;

/**
 * {@code lakepg safekeeper --id N --port P --data DIR --peers id@host:port,...}: runs one safekeeper until the
 * process is stopped. {@code --peers} lists the quorum's members (this one may be left out). Prints
 * {@code safekeeper N listening on port P} once it accepts connections.
 */
public final class SafekeeperMain {

    private static final String USAGE = "usage: lakepg safekeeper --id N --port P --data DIR --peers id@host:port,... "
            + "[--snapshot-every ENTRIES] [--wal-segment-size BYTES] [--wal-protocol raft|proposer]";

    /** Per-member figures, rewritten every second (scripts/cluster-metrics reads it). */
    public static final String METRICS_FILE = "safekeeper-metrics.properties";

    private SafekeeperMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SafekeeperConfig config;
        WalProtocol protocol;
        try {
            protocol = protocol(args);
            config = parse(withoutProtocol(args));
        } catch (IllegalArgumentException e) {
            System.err.println("lakepg safekeeper: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        AutoCloseable server;
        Metrics figures;
        try {
            if (protocol == WalProtocol.PROPOSER) {
                AcceptorServer acceptor = AcceptorServer.start(config.dataDir().resolve(PROPOSER_DATA),
                        config.walSegmentSize(), "0.0.0.0", config.port());
                server = acceptor;
                figures = acceptor.acceptor().metrics();
            } else {
                SafekeeperServer raft = SafekeeperServer.start(config);
                server = raft;
                figures = raft.metrics();
            }
        } catch (StorageException e) {
            // Ratis' own exit is disabled (SafekeeperServer): a failed start ends the process here, saying why
            System.err.println("lakepg safekeeper: " + e.getMessage());
            System.exit(1);
            return;
        }
        MetricsFile metrics = MetricsFile.start(figures, config.dataDir().resolve(METRICS_FILE),
                "safekeeper " + config.id(), 30);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            metrics.close();
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("lakepg safekeeper: " + e.getMessage());
            }
            stopped.countDown();
        }, "safekeeper-shutdown"));
        System.out.println("safekeeper " + config.id() + " listening on port " + config.port()
                + (protocol == WalProtocol.PROPOSER ? " (proposer protocol)" : ""));
        System.out.flush();
        stopped.await();
    }

    /** Where a proposer-protocol safekeeper keeps its timelines, under its data directory. */
    public static final String PROPOSER_DATA = "timelines";

    static WalProtocol protocol(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--" + WalProtocol.FLAG) && i + 1 < args.length) {
                return WalProtocol.parse(args[i + 1]);
            }
            if (args[i].startsWith("--" + WalProtocol.FLAG + "=")) {
                return WalProtocol.parse(args[i].substring(args[i].indexOf('=') + 1));
            }
        }
        return WalProtocol.RAFT;
    }

    private static String[] withoutProtocol(String[] args) {
        List<String> rest = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--" + WalProtocol.FLAG)) {
                i++;
            } else if (!args[i].startsWith("--" + WalProtocol.FLAG + "=")) {
                rest.add(args[i]);
            }
        }
        return rest.toArray(String[]::new);
    }

    static SafekeeperConfig parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        int i = args.length > 0 && args[0].equals("safekeeper") ? 1 : 0;
        for (; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument \"" + name + "\"");
            }
            String value;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            options.put(name.substring(2), value);
        }
        int id = intOption(options, "id");
        int port = intOption(options, "port");
        String data = required(options, "data");
        List<SafekeeperAddress> peers = options.containsKey("peers")
                ? SafekeeperAddress.parseList(options.remove("peers")) : List.of();
        SafekeeperConfig config = SafekeeperConfig.of(id, port, Path.of(data), peers);
        if (options.containsKey("snapshot-every")) {
            config = config.withSnapshotEveryEntries(longOption(options, "snapshot-every"));
        }
        if (options.containsKey("wal-segment-size")) {
            config = config.withWalSegmentSize(longOption(options, "wal-segment-size"));
        }
        options.keySet().removeAll(List.of("id", "port", "data", "snapshot-every", "wal-segment-size"));
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown option --" + options.keySet().iterator().next());
        }
        return config;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static int intOption(Map<String, String> options, String name) {
        return (int) longOption(options, name);
    }

    private static long longOption(Map<String, String> options, String name) {
        String value = required(options, name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, not \"" + value + "\"");
        }
    }
}
