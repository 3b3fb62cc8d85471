package org.lakepg.storage.cloud.cluster;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start one more lakepg process: a java binary, JVM options, a class path and the main class that dispatches
 * subcommands ({@code org.lakepg.server.cli.Main}, named here as text: storage-cloud never compiles against server).
 */
public record Launcher(Path java, List<String> jvmOptions, String classPath, String mainClass) {

    public static final String LAKEPG_MAIN = "org.lakepg.server.cli.Main";

    public Launcher {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The JVM running now, its class path (the lakepg jar when started with -jar) and lakepg's main class. */
    public static Launcher ofCurrentJvm() {
        Path java = ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
        return new Launcher(java, defaultJvmOptions(), absolute(System.getProperty("java.class.path")),
                System.getProperty("lakepg.main", LAKEPG_MAIN));
    }

    /** Class path entries made absolute: the processes started run in the cluster's directory. */
    static String absolute(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator))
                .map(entry -> entry.isEmpty() ? entry : Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The lakepg jar run by this JVM's java binary (tests point it at server/target/lakepg.jar). */
    public static Launcher ofJar(Path jar) {
        return new Launcher(Path.of(System.getProperty("java.home"), "bin", "java"), defaultJvmOptions(),
                jar.toAbsolutePath().toString(), LAKEPG_MAIN);
    }

    /** Netty and Ratis' shaded Netty want native access and sun.misc.Unsafe; JDK 24+ warns unless allowed. */
    static List<String> defaultJvmOptions() {
        List<String> options = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }

    /** The command line of {@code lakepg <args>} with extra JVM options (heap size, GC) for that one process. */
    public List<String> command(List<String> extraJvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.addAll(extraJvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }
}
