package org.lakepg.conformance.sqltests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a SQL file through PostgreSQL 15's psql the way pg_regress does ({@code psql -X -a -q},
 * the file on standard input, so errors print without a file prefix and COPY FROM STDIN reads
 * the lines that follow), with fixed time zone and date style so output is reproducible.
 */
public final class Psql {
    private static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/lib/postgresql/15/bin/psql"), Path.of("/usr/bin/psql"), Path.of("/usr/local/bin/psql"));

    private final Path binary;
    private final String host;
    private final int port;
    private final String user;
    private final String database;
    private final long timeoutSeconds;

    public Psql(Path binary, String host, int port, String user, String database, long timeoutSeconds) {
        this.binary = binary;
        this.host = host;
        this.port = port;
        this.user = user;
        this.database = database;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** PostgreSQL 15's psql, or the first psql found. */
    public static Path find() {
        for (Path p : CANDIDATES) {
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalStateException("psql not found; install it with: apt-get install postgresql-client-15");
    }

    /** Runs {@code sql} and writes everything psql printed (stdout and stderr, interleaved) to {@code output}. */
    public int run(Path sql, Path output, String applicationName) throws IOException, InterruptedException {
        Files.createDirectories(output.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(binary.toString(), "-X", "-a", "-q", "-h", host, "-p",
                Integer.toString(port), "-U", user, "-d", database)
                .redirectInput(sql.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = pb.environment();
        env.put("PGTZ", "UTC");
        env.put("PGDATESTYLE", "ISO, MDY");
        env.put("PGAPPNAME", applicationName);
        env.put("PGCONNECT_TIMEOUT", "10");
        env.remove("PGOPTIONS");
        env.remove("PGDATABASE");
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            Files.writeString(output, "\n(timed out after " + timeoutSeconds + " s)\n",
                    java.nio.file.StandardOpenOption.APPEND);
            return 124;
        }
        return p.exitValue();
    }
}
