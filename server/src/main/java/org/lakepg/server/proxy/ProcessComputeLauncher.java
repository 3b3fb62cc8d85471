package org.lakepg.server.proxy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs each compute as its own OS process ({@code lakepg start --standby --port 0 ...}) and reads the address it
 * listens on from its output; the process's output goes to a log file. With {@code keepSpare} one process is always
 * started ahead in standby (JVM up, classes loaded, warmed up), so a wake-up only opens the data. With cloud storage
 * every endpoint gets its own compute process (each takes only its own timeline on the safekeepers) with its own
 * small data directory; the standby learns which one from the attach line. Stopping is SIGTERM (the compute shuts
 * down cleanly), then SIGKILL after a grace period.
 */
public final class ProcessComputeLauncher implements ComputeLauncher {
    private static final Pattern LISTENING = Pattern.compile("lakepg listening on ([^ ]+):(\\d+) ");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final List<String> command;
    private final List<String> computeArguments;
    private final Path logDirectory;
    private final boolean oneComputeForAll;
    private final boolean keepSpare;
    /** With a compute per endpoint: the directory under which each endpoint's compute keeps its data directory. */
    private final Path endpointDataRoot;

    /**
     * @param command          how to run lakepg's Main (e.g. java -cp ... org.lakepg.server.cli.Main)
     * @param computeArguments arguments after {@code start --port 0} (data directory, storage, settings)
     * @param oneComputeForAll one compute serves every endpoint (embedded storage)
     */
    public ProcessComputeLauncher(List<String> command, List<String> computeArguments, Path logDirectory,
                                  boolean oneComputeForAll, boolean keepSpare) {
        this(command, computeArguments, logDirectory, oneComputeForAll, keepSpare, null);
    }

    /**
     * @param endpointDataRoot when not null, each endpoint's compute gets {@code --data endpointDataRoot/NAME}
     *                         (cloud storage: the data directory holds only the compute's own files)
     */
    public ProcessComputeLauncher(List<String> command, List<String> computeArguments, Path logDirectory,
                                  boolean oneComputeForAll, boolean keepSpare, Path endpointDataRoot) {
        this.command = List.copyOf(command);
        this.computeArguments = List.copyOf(computeArguments);
        this.logDirectory = logDirectory;
        this.oneComputeForAll = oneComputeForAll;
        this.keepSpare = keepSpare;
        this.endpointDataRoot = endpointDataRoot;
    }

    /** The command that runs this JVM's lakepg again: same java binary, same class path. */
    public static List<String> thisJvm() {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> out = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            out.add("--sun-misc-unsafe-memory-access=allow");
        }
        out.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.lakepg.server.cli.Main"));
        return out;
    }

    @Override
    public String computeFor(String endpoint) {
        return oneComputeForAll ? "all" : endpoint;
    }

    @Override
    public RunningCompute start(String endpoint) throws IOException {
        Starting spare;
        synchronized (this) {
            spare = this.spare;
            this.spare = null;
        }
        Starting compute = spare != null && spare.process().isAlive() ? spare : launch(endpoint, false);
        try {
            // the attach line carries the endpoint's own arguments: later flags override the standby's
            StringBuilder attach = new StringBuilder("attach");
            for (String argument : endpointArguments(endpoint)) {
                attach.append('\t').append(argument);
            }
            attach.append('\n');
            compute.process().getOutputStream().write(attach.toString().getBytes(StandardCharsets.UTF_8));
            compute.process().getOutputStream().flush();
            InetSocketAddress address = compute.listening().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new ProcessCompute(compute.process(), address);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(compute.process());
            throw new IOException("interrupted while the compute started");
        } catch (ExecutionException | TimeoutException | IOException e) {
            stop(compute.process());
            throw new IOException("the compute for \"" + endpoint + "\" did not start (see " + compute.log() + ")");
        } finally {
            prepareSpare();
        }
    }

    /**
     * Arguments only this endpoint's compute gets: its own data directory when every endpoint has a compute, and
     * {@code --replica} for a replica endpoint.
     */
    private List<String> endpointArguments(String endpoint) {
        if (oneComputeForAll || endpointDataRoot == null) {
            return List.of();
        }
        // a file name from the endpoint: letters, digits, '_' and '-' kept, everything else as %XX
        StringBuilder name = new StringBuilder();
        for (byte b : endpoint.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-') {
                name.append(c);
            } else {
                name.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        List<String> arguments = new ArrayList<>(List.of("--data", endpointDataRoot.resolve(name.toString()).toString()));
        if (endpoint.endsWith(REPLICA_SUFFIX)) {
            arguments.add("--replica");
        }
        return arguments;
    }

    /** A compute process on its way up: it waits in standby until "attach" arrives on its stdin. */
    private record Starting(Process process, CompletableFuture<InetSocketAddress> listening, Path log) {
    }

    private Starting spare;
    private int launched;

    /**
     * Starts the next compute in standby now, so that the next wake-up only has to open the data (a warm pool of
     * one, as serverless platforms keep).
     */
    public void prepareSpare() {
        if (!keepSpare) {
            return;
        }
        Thread.ofVirtual().start(() -> {
            synchronized (this) {
                if (spare != null && spare.process().isAlive()) {
                    return;
                }
            }
            try {
                Starting s = launch("spare", true);
                synchronized (this) {
                    if (spare == null) {
                        spare = s;
                        return;
                    }
                }
                stop(s.process());
            } catch (IOException e) {
                // no spare: the next wake-up starts a process itself
            }
        });
    }

    /** @param warmUp whether the standby first warms up (a spare has time for it; a compute needed now does not) */
    private Starting launch(String endpoint, boolean warmUp) throws IOException {
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(List.of("start", "--standby", "--port", "0"));
        cmd.addAll(computeArguments);
        int n;
        synchronized (this) {
            n = ++launched;
        }
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve("compute-" + n + ".log");
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        builder.environment().put("LAKEPG_STANDBY_WARM_UP", warmUp ? "on" : "off");
        Process process = builder.start();
        CompletableFuture<InetSocketAddress> listening = new CompletableFuture<>();
        Thread.ofVirtual().name("compute-output-" + n).start(() -> copyOutput(process, log, listening));
        return new Starting(process, listening, log);
    }

    /** Stops the spare compute (when the proxy stops). */
    @Override
    public void close() {
        Starting s;
        synchronized (this) {
            s = spare;
            spare = null;
        }
        if (s != null) {
            stop(s.process());
        }
    }

    private static void copyOutput(Process process, Path log, CompletableFuture<InetSocketAddress> listening) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             Writer file = Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (String line; (line = out.readLine()) != null; ) {
                file.write(line);
                file.write('\n');
                file.flush();
                Matcher m = LISTENING.matcher(line);
                if (!listening.isDone() && m.find()) {
                    listening.complete(new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2))));
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(new UncheckedIOException(e));
        }
        listening.completeExceptionally(new IOException("the compute exited"));
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private record ProcessCompute(Process process, InetSocketAddress address) implements RunningCompute {
        @Override
        public void stop() {
            ProcessComputeLauncher.stop(process);
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        /** The compute's pid, for logs and for tests that must find exactly the process the proxy started. */
        long pid() {
            return process.pid();
        }
    }
}
