package org.lakepg.conformance.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lakepg.conformance.ModulePaths;

/** Runs scripts/conformance (what ./lakepg conformance runs) as a process and keeps its output. */
final class ConformanceCommand {
    record Result(int exitCode, String output) {}

    private ConformanceCommand() {}

    /** A temporary directory the server (running as another user) can read and write in, as run-pg-regress needs. */
    static java.nio.file.Path openToAll(java.nio.file.Path dir) throws IOException {
        java.nio.file.Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        return dir;
    }

    static Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ModulePaths.root().resolve("scripts/conformance").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("scripts/conformance did not finish:\n" + out);
        }
        return new Result(p.exitValue(), out);
    }
}
