package org.lakepg.server.systemcatalog;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway real PostgreSQL 15 (started with the shared start-reference-postgres script) to
 * compare lakepg's answers with; tests that need it are skipped on machines without it.
 */
final class ReferencePostgres implements AutoCloseable {
    private static final List<Path> SCRIPTS = List.of(Path.of("/work/shared/conformance/start-reference-postgres"),
            Path.of("../conformance/start-reference-postgres"));

    private final Path script;
    private final Path dir;
    private final int port;

    private ReferencePostgres(Path script, Path dir, int port) {
        this.script = script;
        this.dir = dir;
        this.port = port;
    }

    static ReferencePostgres start() throws IOException, InterruptedException {
        Path script = SCRIPTS.stream().filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(script != null, "no start-reference-postgres script on this machine");
        Path dir = Files.createTempDirectory("refpg-catalog");
        String out = run(List.of(script.toString(), dir.toString()));
        String[] lines = out.strip().split("\n");
        return new ReferencePostgres(script, dir, Integer.parseInt(lines[lines.length - 1].strip()));
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run(List.of(script.toString(), "--stop", dir.toString()));
        } finally {
            org.lakepg.storage.local.FileUtil.deleteRecursively(dir); // the script stops the server, keeps its files
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("refpg", ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("start-reference-postgres did not finish");
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        if (p.exitValue() != 0) {
            throw new IOException("start-reference-postgres failed: " + text);
        }
        return text;
    }
}
