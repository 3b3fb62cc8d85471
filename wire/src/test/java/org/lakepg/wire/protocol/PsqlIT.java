package org.lakepg.wire.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.wire.protocol.testengine.TestAuthentication;

/** The real psql 15 client against the server: -c, -f, \copy, SCRAM and TLS. */
class PsqlIT {
    private static final String PSQL = "/usr/bin/psql";
    @TempDir
    static Path tempDir;
    private static WireTestServer server;

    @BeforeAll
    static void start() throws Exception {
        TestCertificates certificates = TestCertificates.create(tempDir);
        server = WireTestServer.withTls(certificates.certificate, certificates.key);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void commandPrintsTheResultTable() throws Exception {
        Result result = psql("trusted", null, Map.of(), "-c", "select 1");
        assertThat(result.exitCode).as(result.output).isZero();
        assertThat(result.output).contains("?column?", "        1", "(1 row)");
    }

    @Test
    void scriptRunsStatementsInOrderAndStopsAtTheFirstError() throws Exception {
        Path script = tempDir.resolve("script.sql");
        Files.writeString(script, "insert from-script;\nnotice hello from engine;\nerror 42P01 relation \"nope\" does not exist;\ninsert never;\n");
        Result result = psql("trusted", null, Map.of(), "-v", "ON_ERROR_STOP=1", "-f", script.toString());
        assertThat(result.exitCode).isEqualTo(3);
        assertThat(result.output).contains("INSERT 0 1", "NOTICE:  hello from engine",
                "ERROR:  relation \"nope\" does not exist");
        assertThat(server.engine.table()).contains("from-script").doesNotContain("never");
    }

    @Test
    void backslashCopyInAndOut() throws Exception {
        Path input = tempDir.resolve("in.txt");
        Files.writeString(input, "psql-one\npsql-two\n");
        Result in = psql("trusted", null, Map.of(), "-c", "\\copy t from '" + input + "'");
        assertThat(in.exitCode).as(in.output).isZero();
        assertThat(in.output).contains("COPY 2");
        Path output = tempDir.resolve("out.txt");
        Result out = psql("trusted", null, Map.of(), "-c", "\\copy t to '" + output + "'");
        assertThat(out.exitCode).as(out.output).isZero();
        assertThat(Files.readString(output)).contains("psql-one\npsql-two\n");
    }

    @Test
    void scramPasswordOverTls() throws Exception {
        Result ok = psql("scram_user", TestAuthentication.PASSWORD, Map.of("PGSSLMODE", "require"), "-c", "select 1");
        assertThat(ok.exitCode).as(ok.output).isZero();
        assertThat(ok.output).contains("(1 row)");
        Result wrong = psql("scram_user", "nope", Map.of("PGSSLMODE", "require"), "-c", "select 1");
        assertThat(wrong.exitCode).isEqualTo(2);
        assertThat(wrong.output).contains("FATAL:  password authentication failed for user \"scram_user\"");
    }

    @Test
    void channelBindingRequiredOverTls() throws Exception {
        Result ok = psql("scram_user", TestAuthentication.PASSWORD,
                Map.of("PGSSLMODE", "require", "PGCHANNELBINDING", "require"), "-c", "select 1");
        assertThat(ok.exitCode).as(ok.output).isZero();
    }

    @Test
    void md5AndCleartextPasswords() throws Exception {
        for (String user : List.of("md5_user", "password_user")) {
            Result ok = psql(user, TestAuthentication.PASSWORD, Map.of("PGSSLMODE", "disable"), "-c", "select 1");
            assertThat(ok.exitCode).as(user + ": " + ok.output).isZero();
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result psql(String user, String password, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PSQL, "-X", "-h", "127.0.0.1", "-p", Integer.toString(server.port()),
                "-U", user, "-d", "test"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("PGPASSWORD");
        builder.environment().put("PGCONNECT_TIMEOUT", "10");
        if (password != null) {
            builder.environment().put("PGPASSWORD", password);
        }
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("psql did not finish: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
