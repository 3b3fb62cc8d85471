package org.lakepg.server.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.lakepg.server.LakepgServer;

/** Entry point of the runnable jar: dispatches lakepg's subcommands. */
public final class Main {
    private Main() {}

    private static final String USAGE = """
            usage: lakepg start [--port 5432] [--data ./lakepg-data] [--listen 127.0.0.1] [-c name=value ...]
                                [--auth loopback=trust,all=scram-sha-256] [--password-file FILE]
                                [--tls-cert cert.pem --tls-key key.pem] [--warm-up SECONDS]
                                [--storage cloud --safekeepers id@host:port,... --pageserver host:port [--replica]
                                 [--wal-protocol raft|proposer]]
              The superuser is "postgres"; its password comes from LAKEPG_PASSWORD or --password-file.
              --warm-up: first run a short pgbench-like load on a scratch server for that long, so the JIT has
              compiled the hot paths before the first client (a cloud compute: on a scratch database of its store,
              at least that long, longer while its JIT is busy).
                   lakepg safekeeper --id N --port P --data DIR --peers id@host:port,... [--wal-protocol raft|proposer]
                   lakepg pageserver --port P --data DIR --s3-endpoint URL --bucket B --safekeepers id@host:port,...
                                     [--wal-protocol raft|proposer]
                   lakepg s3 --port P --data DIR
                   lakepg cluster start|status|stop|replica|gc --dir D [--port 5432] [--wal-protocol raft|proposer]
                                     [--warm-up SECONDS]
              --wal-protocol: how the WAL reaches the safekeepers; every service of a cluster must use the same
              (docs/safekeepers.md).""";

    /** Subcommands that run a storage-cloud service; reached by class name, as storage is never compiled against. */
    private static final Map<String, String> STORAGE_COMMANDS = Map.of(
            "safekeeper", "org.lakepg.storage.cloud.cli.SafekeeperMain",
            "pageserver", "org.lakepg.storage.cloud.cli.PageserverMain",
            "s3", "org.lakepg.storage.cloud.cli.S3Main",
            "cluster", "org.lakepg.storage.cloud.cli.ClusterMain");

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        switch (command) {
            case "start" -> System.exit(start(rest));
            case "proxy" -> System.exit(ProxyCommand.run(rest));
            case "help", "-h", "--help" -> System.out.println(USAGE);
            default -> {
                if (STORAGE_COMMANDS.containsKey(command)) {
                    runStorageCommand(STORAGE_COMMANDS.get(command), rest.toArray(String[]::new));
                    return;
                }
                System.err.println("lakepg: unknown command \"" + command + "\"");
                System.err.println(USAGE);
                System.exit(2);
            }
        }
    }

    private static void runStorageCommand(String mainClass, String[] args) {
        java.lang.reflect.Method main;
        try {
            main = Class.forName(mainClass).getMethod("main", String[].class);
        } catch (ReflectiveOperationException e) {
            System.err.println("lakepg: this build has no cloud storage (" + mainClass + " is missing)");
            System.exit(1);
            return;
        }
        try {
            main.invoke(null, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            System.err.println("lakepg: " + describe(cause));
            System.exit(1);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static int start(List<String> args) {
        long attached = 0;
        java.time.Duration warmUpBudget = java.time.Duration.ZERO;
        int warmUp = args.indexOf("--warm-up");
        if (warmUp >= 0 && warmUp + 1 < args.size()) {
            // a compute of `lakepg cluster` comes warm, as one from the proxy's pool of standbys: its JIT has compiled
            // the SQL engine's hot paths before the first client arrives (docs/cluster.md)
            try {
                warmUpBudget = java.time.Duration.ofMillis((long) (Double.parseDouble(args.get(warmUp + 1)) * 1000));
            } catch (NumberFormatException e) {
                System.err.println("lakepg: --warm-up takes seconds, not \"" + args.get(warmUp + 1) + "\"");
                return 2;
            }
            args = new java.util.ArrayList<>(args);
            args.subList(warmUp, warmUp + 2).clear();
        }
        if (args.contains("--standby")) {
            // a pre-started compute of the serverless proxy: the JVM and lakepg's classes are loaded now, the data
            // is opened only when the proxy assigns it (a line "attach" on stdin), which makes a wake-up fast; it
            // has no store of its own to warm up on until then
            warmUpOnScratchServer(warmUpBudget);
            warmUpBudget = java.time.Duration.ZERO;
            args = args.stream().filter(a -> !a.equals("--standby")).toList();
            var attach = Standby.awaitAttach();
            if (attach.isEmpty()) {
                return 0;
            }
            attached = System.nanoTime();
            args = new java.util.ArrayList<>(args);
            args.addAll(attach.get());
        }
        ServerConfig config;
        try {
            config = ServerConfig.parse(args, System.getenv());
        } catch (ServerConfig.UsageException e) {
            System.err.println("lakepg: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        java.time.Duration scratchDatabaseBudget = java.time.Duration.ZERO;
        if (warmsUpOnItsStore(config)) {
            scratchDatabaseBudget = warmUpBudget; // after the server started, on its own store
        } else {
            warmUpOnScratchServer(warmUpBudget);
        }
        LakepgServer server;
        String scratchDatabase = scratchDatabaseBudget.isZero() ? null : DatabaseWarmUp.scratchName();
        try {
            server = LakepgServer.start(config, scratchDatabase);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            System.err.println("lakepg: could not start: " + describe(e));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.err.println("lakepg: shut down");
            stopped.countDown();
        }, "lakepg-shutdown"));
        if (scratchDatabase != null) {
            long begun = System.nanoTime();
            DatabaseWarmUp.Outcome warmed = DatabaseWarmUp.run(server, scratchDatabase, scratchDatabaseBudget);
            System.out.printf("lakepg warmed up: %d statements on a scratch database of its store in %d ms (%s)%n",
                    warmed.statements(), (System.nanoTime() - begun) / 1_000_000,
                    warmed.jitSettled() ? "the JIT settled" : "at its longest, before the JIT settled");
        }
        var address = server.address();
        if (attached != 0) {
            System.out.printf("lakepg attached: data opened and listening %d ms after attach%n",
                    (System.nanoTime() - attached) / 1_000_000);
        }
        System.out.printf("lakepg listening on %s:%d (data %s) - connect with: psql -h %s -p %d -U postgres%n",
                address.getHostString(), address.getPort(), config.dataDir().toAbsolutePath().normalize(),
                address.getHostString(), address.getPort());
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Whether a compute warms up on a scratch database of its own store rather than on a scratch server: a primary of
     * cloud storage, whose first transactions also pay for the safekeepers' and the pageserver's cold code.
     */
    private static boolean warmsUpOnItsStore(ServerConfig config) {
        return config.storage().equals("cloud") && !config.replica();
    }

    private static void warmUpOnScratchServer(java.time.Duration budget) {
        if (budget.isZero()) {
            return;
        }
        long begun = System.nanoTime();
        int ran = ScratchWarmUp.run(budget);
        System.out.printf("lakepg warmed up: %d statements on a scratch server in %d ms%n", ran,
                (System.nanoTime() - begun) / 1_000_000);
    }

    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            out.append(": ").append(c.getMessage());
        }
        return out.toString();
    }
}
