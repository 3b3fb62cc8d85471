package org.lakepg.storage.cloud.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.lakepg.storage.cloud.wal.WalProtocol;

/**
 * A local dev cluster (Neon's neon_local): an S3 server, three safekeepers, a pageserver and a compute, each its own
 * OS process started from the same lakepg jar, on loopback ports recorded in {@code D/cluster.properties}, with data
 * under {@code D/<service>} and logs in {@code D/logs/<service>.log}. Tests use it to kill and restart single
 * processes; {@code lakepg cluster} is its command line.
 */
public final class LocalCluster {

    public static final String S3 = "s3";
    public static final String PAGESERVER = "pageserver";
    public static final String COMPUTE = "compute";
    /** A read replica compute ({@code lakepg start ... --replica}): started on demand, never by {@link #start}. */
    public static final String REPLICA = "replica";
    public static final int SAFEKEEPER_COUNT = 3;
    public static final String BUCKET = "lakepg";
    /** The computes' own objects (columnar snapshots): in S3 too, so a compute restarted on an empty disk finds them. */
    public static final String COMPUTE_BUCKET = "lakepg-objects";
    private static final String HOST = "127.0.0.1";

    private final Path dir;
    private final Launcher launcher;
    private final ClusterFile file;
    private Duration startTimeout = Duration.ofSeconds(120);
    private final java.util.Map<ServiceKind, List<String>> extraArguments = new java.util.EnumMap<>(ServiceKind.class);

    private LocalCluster(Path dir, Launcher launcher) {
        this.dir = dir.toAbsolutePath().normalize();
        this.launcher = launcher;
        this.file = ClusterFile.in(this.dir);
    }

    /** The cluster kept in {@code dir} (new or existing), whose processes are started with {@code launcher}. */
    public static LocalCluster at(Path dir, Launcher launcher) {
        return new LocalCluster(dir, launcher);
    }

    /** Appends options to every command line of a kind (e.g. a short checkpoint interval for the pageserver). */
    public LocalCluster withExtraArguments(ServiceKind kind, List<String> arguments) {
        extraArguments.put(kind, List.copyOf(arguments));
        return this;
    }

    /**
     * The WAL protocol of a new cluster: the compute as the proposer, which did 3.4x Raft's transactions per second
     * on the same host at a quarter of its commit latency (docs/safekeepers.md, "Session 10"). Raft stays
     * selectable with {@code --wal-protocol raft}.
     */
    public static final WalProtocol DEFAULT_WAL_PROTOCOL = WalProtocol.PROPOSER;

    /**
     * How the WAL reaches the safekeepers in this cluster: what {@code cluster.properties} recorded, else
     * {@code protocol} (null: the default), recorded by the next start. Every service gets the same one.
     */
    public LocalCluster withWalProtocol(WalProtocol protocol) {
        if (protocol != null && file.walProtocol().isEmpty()) {
            file.setWalProtocol(protocol);
        }
        return this;
    }

    public WalProtocol walProtocol() {
        // a cluster.properties without one is from before the protocol was recorded: Raft was the only one then
        return file.walProtocol().map(WalProtocol::parse).orElse(file.exists() ? WalProtocol.RAFT : DEFAULT_WAL_PROTOCOL);
    }

    public static String safekeeper(int id) {
        return "safekeeper-" + id;
    }

    /** Every service of the cluster, in start order. */
    public static List<String> services() {
        List<String> all = new ArrayList<>();
        all.add(S3);
        IntStream.rangeClosed(1, SAFEKEEPER_COUNT).forEach(i -> all.add(safekeeper(i)));
        all.add(PAGESERVER);
        all.add(COMPUTE);
        return all;
    }

    public Path dir() {
        return dir;
    }

    public ClusterFile file() {
        return file;
    }

    public Path dataDir(String service) {
        return dir.resolve(service);
    }

    public Path log(String service) {
        return dir.resolve("logs").resolve(service + ".log");
    }

    public int port(String service) {
        return file.port(service).orElseThrow(() -> new IllegalStateException(service + " has no port yet"));
    }

    public String safekeeperList() {
        return IntStream.rangeClosed(1, SAFEKEEPER_COUNT)
                .mapToObj(i -> i + "@" + HOST + ":" + port(safekeeper(i))).collect(Collectors.joining(","));
    }

    public String pageserverAddress() {
        return HOST + ":" + port(PAGESERVER);
    }

    /**
     * What a compute of this cluster started by someone else (the serverless proxy's, for every endpoint) needs after
     * {@code lakepg start}: cloud storage on these safekeepers and this pageserver, speaking the cluster's WAL
     * protocol (a compute speaking another one cannot write: the safekeepers would not understand it).
     */
    public List<String> computeStorageArguments() {
        return List.of("--storage", "cloud", "--safekeepers", safekeeperList(), "--pageserver", pageserverAddress(),
                "--s3-endpoint", s3Endpoint().toString(), "--bucket", COMPUTE_BUCKET,
                "--" + WalProtocol.FLAG, walProtocol().flagValue());
    }

    public java.net.URI s3Endpoint() {
        return java.net.URI.create("http://" + HOST + ":" + port(S3));
    }

    public Optional<ProcessHandle> process(String service) {
        return file.process(service);
    }

    public boolean running(String service) {
        return process(service).isPresent();
    }

    /**
     * Starts every service that is not running, in order, each once the one before accepts connections; the
     * compute listens on {@code computePort} (0: a free port, or the one it had). Ports already recorded are kept.
     */
    public void start(int computePort) {
        for (String service : services()) {
            if (!file.port(service).isPresent() || (service.equals(COMPUTE) && computePort > 0)) {
                file.setPort(service, service.equals(COMPUTE) && computePort > 0 ? computePort : freePort());
            }
        }
        file.setWalProtocol(walProtocol()); // before the first save: a new cluster's default is then recorded
        file.save();
        for (String service : services()) {
            if (!running(service)) {
                startService(service);
            }
        }
    }

    /**
     * Environment variable with JVM options added to every service the cluster starts (space-separated), e.g. to
     * record each process with JFR: {@code -XX:StartFlightRecording=filename={}.jfr,settings=profile}, where
     * {@code {}} becomes the service's path in the log directory ({@code D/logs/pageserver}). An option prefixed
     * with a kind's word and a colon goes to that kind only: {@code safekeeper:-XX:TieredStopAtLevel=1}.
     */
    public static final String EXTRA_JVM_OPTIONS = "LAKEPG_CLUSTER_JVM_OPTIONS";

    static List<String> extraJvmOptions(String value, ServiceKind kind, Path servicePath) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> options = new ArrayList<>();
        for (String option : value.trim().split("\\s+")) {
            if (!option.startsWith("-")) {
                int colon = option.indexOf(':');
                if (colon < 0 || !option.substring(0, colon).equals(kind.word())) {
                    continue;
                }
                option = option.substring(colon + 1);
            }
            options.add(option.replace("{}", servicePath.toString()));
        }
        return options;
    }

    /**
     * Starts one service (a {@code compute*} name starts a compute, a {@code replica*} name a read replica compute)
     * and waits until it accepts connections.
     */
    public void startService(String service) {
        if (running(service)) {
            throw new IllegalStateException(service + " is already running (pid " + process(service).get().pid() + ")");
        }
        if (file.port(service).isEmpty()) {
            file.setPort(service, freePort());
        }
        int port = port(service);
        ServiceKind kind = kind(service);
        List<String> args = new ArrayList<>(arguments(service, port));
        args.addAll(extraArguments.getOrDefault(kind, List.of()));
        Path log = log(service);
        List<String> jvmOptions = new ArrayList<>(kind.jvmOptions());
        List<String> extra = extraJvmOptions(System.getenv(EXTRA_JVM_OPTIONS), kind, log.resolveSibling(service));
        jvmOptions.addAll(AotCaches.options(kind, extra));
        jvmOptions.addAll(extra);
        List<String> command = niced(kind.niceness(), launcher.command(jvmOptions, args));
        Process process;
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== " + Instant.now() + " lakepg cluster starts " + service + ": "
                    + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service, e);
        }
        file.setProcess(service, process.toHandle());
        file.save();
        awaitReady(service, kind, port, process.toHandle());
    }

    /** Environment variable that, set to {@code off}, starts every service at the launcher's own priority. */
    public static final String NICE = "LAKEPG_CLUSTER_NICE";

    /** The command run through nice(1), which execs it (same pid), when the kind runs at a lower priority. */
    static List<String> niced(int niceness, List<String> command) {
        Path nice = Path.of("/usr/bin/nice");
        if (niceness == 0 || "off".equals(System.getenv(NICE)) || !Files.isExecutable(nice)) {
            return command;
        }
        List<String> niced = new ArrayList<>(List.of(nice.toString(), "-n", Integer.toString(niceness)));
        niced.addAll(command);
        return niced;
    }

    private static ServiceKind kind(String service) {
        if (service.equals(S3)) {
            return ServiceKind.S3;
        }
        if (service.startsWith("safekeeper-")) {
            return ServiceKind.SAFEKEEPER;
        }
        if (service.equals(PAGESERVER)) {
            return ServiceKind.PAGESERVER;
        }
        if (service.startsWith(COMPUTE) || service.startsWith(REPLICA)) {
            return ServiceKind.COMPUTE;
        }
        throw new IllegalArgumentException("no such service: " + service);
    }

    private List<String> arguments(String service, int port) {
        String data = dataDir(service).toString();
        List<String> args = new ArrayList<>(switch (kind(service)) {
            case S3 -> List.of("s3", "--port", Integer.toString(port), "--data", data);
            case SAFEKEEPER -> List.of("safekeeper", "--id", service.substring("safekeeper-".length()),
                    "--port", Integer.toString(port), "--data", data, "--peers", safekeeperList());
            case PAGESERVER -> List.of("pageserver", "--port", Integer.toString(port), "--data", data,
                    "--s3-endpoint", s3Endpoint().toString(), "--bucket", BUCKET, "--safekeepers", safekeeperList());
            case COMPUTE -> {
                List<String> compute = new ArrayList<>(List.of("start", "--listen", HOST,
                        "--port", Integer.toString(port), "--data", data));
                compute.addAll(computeStorageArguments());
                if (service.startsWith(REPLICA)) {
                    compute.add("--replica");
                }
                yield compute;
            }
        });
        if (kind(service) == ServiceKind.SAFEKEEPER || kind(service) == ServiceKind.PAGESERVER) {
            args.addAll(List.of("--" + WalProtocol.FLAG, walProtocol().flagValue()));
        }
        return args;
    }

    private void awaitReady(String service, ServiceKind kind, int port, ProcessHandle process) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " exited while starting; its log " + log(service)
                        + " ends with:" + System.lineSeparator() + tail(log(service), 15));
            }
            // a replica listens once it is up, but refuses sessions until its primary made a database durable
            boolean ready = kind == ServiceKind.COMPUTE && !service.startsWith(REPLICA) ? PgPing.ready(HOST, port, 2000)
                    : accepts(port);
            if (ready) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException(service + " did not accept connections on port " + port + " within "
                + startTimeout.toSeconds() + " s; see " + log(service));
    }

    /** Sends SIGKILL (kill -9) to the service and waits until it is gone. */
    public void kill(String service) {
        process(service).ifPresent(p -> {
            p.destroyForcibly();
            awaitExit(p, Duration.ofSeconds(30));
        });
        file.clearProcess(service);
        file.save();
    }

    /** SIGTERM, then SIGKILL if the service has not exited within {@code grace}. Returns whether it ran. */
    public boolean stop(String service, Duration grace) {
        Optional<ProcessHandle> running = process(service);
        running.ifPresent(p -> {
            p.destroy();
            if (!awaitExit(p, grace)) {
                p.destroyForcibly();
                awaitExit(p, Duration.ofSeconds(30));
            }
        });
        file.clearProcess(service);
        file.save();
        return running.isPresent();
    }

    /** Stops every service, computes first and S3 last. */
    public void stopAll(Duration grace) {
        List<String> order = new ArrayList<>(services());
        java.util.Collections.reverse(order);
        for (String extra : extraComputes()) {
            order.add(0, extra);
        }
        for (String service : order) {
            stop(service, grace);
        }
    }

    /**
     * Computes other than the main one that this cluster started (tests start a second compute to fence the first,
     * and read replicas).
     */
    private List<String> extraComputes() {
        List<String> extra = new ArrayList<>();
        if (file.pid(REPLICA).isPresent()) {
            extra.add(REPLICA);
        }
        for (int i = 2; i < 10; i++) {
            for (String base : List.of(COMPUTE, REPLICA)) {
                if (file.pid(base + "-" + i).isPresent()) {
                    extra.add(base + "-" + i);
                }
            }
        }
        return extra;
    }

    private static boolean awaitExit(ProcessHandle p, Duration timeout) {
        try {
            p.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !p.isAlive();
        }
    }

    public static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
