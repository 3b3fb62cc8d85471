package org.lakepg.server.systemcatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lakepg.server.TestServer;

/**
 * Scripts whose statements depend on the session they run in (SET search_path, SET ROLE, temporary tables), which
 * the one-query-per-connection SQL fixtures cannot record: each script of {@code session-scripts/} runs as one psql
 * session against a real PostgreSQL 15 and against lakepg, and psql must print the same.
 */
class SessionScriptsIT {
    /** psql's output; JUnit deletes the directory after the class. */
    @TempDir
    static Path scratch;

    private static final Path PSQL = Path.of("/usr/bin/psql");

    private static TestServer lakepg;
    private static ReferencePostgres reference;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(PSQL), "psql is not installed");
        reference = ReferencePostgres.start();
        lakepg = TestServer.start("session-scripts");
    }

    @AfterAll
    static void stop() throws Exception {
        if (lakepg != null) {
            lakepg.close();
        }
        if (reference != null) {
            reference.close();
        }
    }

    static Stream<Path> scripts() throws IOException, URISyntaxException {
        Path dir = Path.of(SessionScriptsIT.class.getResource("/session-scripts").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void printsWhatPostgresPrints(Path script) throws Exception {
        String expected = mask(psql(reference.port(), script));
        String actual = mask(psql(lakepg.address().getPort(), script));
        assertThat(actual).isEqualTo(expected);
    }

    private static String psql(int port, Path script) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PSQL.toString(), "-X", "-A", "-t", "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-U", "postgres", "-d", "postgres", "-f", script.toString()));
        Path out = Files.createTempFile(scratch, "psql", ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("psql did not finish");
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return text;
    }

    /** Error positions (psql's LINE and caret lines) are left out: the messages and results are what is compared. */
    private static String mask(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("LINE ") || line.strip().equals("^")) {
                continue;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
