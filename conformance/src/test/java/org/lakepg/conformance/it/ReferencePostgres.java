package org.lakepg.conformance.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.lakepg.conformance.ModulePaths;

/**
 * A throwaway real PostgreSQL 15 started by conformance/start-reference-postgres (initdb into a
 * temporary directory, a free port); tests that need one are skipped where PostgreSQL 15 is not
 * installed. Stopped with the script's --stop, which stops exactly that data directory's server.
 */
public final class ReferencePostgres implements AutoCloseable {
    private final Path dir;
    private final int port;

    private ReferencePostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static ReferencePostgres start() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/lib/postgresql/15/bin/postgres")),
                "PostgreSQL 15 is not installed (/usr/lib/postgresql/15/bin/postgres)");
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "lakepg-refpg-");
        dir.toFile().setExecutable(true, false); // the server may run as user postgres
        dir.toFile().setReadable(true, false);
        Process p = new ProcessBuilder(script().toString(), dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("start-reference-postgres failed: " + out);
        }
        String[] lines = out.split("\n");
        return new ReferencePostgres(dir, Integer.parseInt(lines[lines.length - 1].strip()));
    }

    private static Path script() {
        return ModulePaths.module().resolve("start-reference-postgres");
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(script().toString(), "--stop", dir.toString()).inheritIO().start();
        p.waitFor(60, TimeUnit.SECONDS);
        new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor(60, TimeUnit.SECONDS);
    }
}
