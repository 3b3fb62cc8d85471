package org.lakepg.storage.cloud.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.lakepg.storage.StorageException;
import org.lakepg.storage.cloud.metrics.MetricsFile;
import org.lakepg.storage.cloud.safekeeper.SafekeeperAddress;
import org.lakepg.storage.cloud.safekeeper.SafekeeperConfig;
import org.lakepg.storage.cloud.safekeeper.SafekeeperServer;

/**
 * {@code lakepg safekeeper --id N --port P --data DIR --peers id@host:port,...}: runs one safekeeper until the
 * process is stopped. {@code --peers} lists the quorum's members (this one may be left out). Prints
 * {@code safekeeper N listening on port P} once it accepts connections.
 */
public final class SafekeeperMain {

    private static final String USAGE = "usage: lakepg safekeeper --id N --port P --data DIR --peers id@host:port,... "
            + "[--snapshot-every ENTRIES] [--wal-segment-size BYTES]";

    /** Per-member figures, rewritten every second (scripts/cluster-metrics reads it). */
    public static final String METRICS_FILE = "safekeeper-metrics.properties";

    private SafekeeperMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SafekeeperConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("lakepg safekeeper: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        SafekeeperServer server;
        try {
            server = SafekeeperServer.start(config);
        } catch (StorageException e) {
            // Ratis' own exit is disabled (SafekeeperServer): a failed start ends the process here, saying why
            System.err.println("lakepg safekeeper: " + e.getMessage());
            System.exit(1);
            return;
        }
        MetricsFile metrics = MetricsFile.start(server.metrics(), config.dataDir().resolve(METRICS_FILE),
                "safekeeper " + config.id(), 30);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            metrics.close();
            server.close();
            stopped.countDown();
        }, "safekeeper-shutdown"));
        System.out.println("safekeeper " + config.id() + " listening on port " + config.port());
        System.out.flush();
        stopped.await();
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
