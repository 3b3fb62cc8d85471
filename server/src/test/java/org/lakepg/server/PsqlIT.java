package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import org.lakepg.server.cli.ServerConfig;

/** The real psql against the server: -c, a script with -f, errors and ON_ERROR_STOP. */
class PsqlIT {
    /** The server's data, psql's output and scripts; JUnit deletes the directory after the class. */
    @TempDir
    static Path scratch;

    private static final Path PSQL = Path.of("/usr/bin/psql");
    private static LakepgServer server;

    @BeforeAll
    static void start() throws Exception {
        Path data = scratch.resolve("data"); // deleted with scratch after the server stops
        server = LakepgServer.start(ServerConfig.parse(List.of("--port", "0", "--data", data.toString()), Map.of()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private record Result(int exit, String out, String err) {}

    private static Result psql(String... args) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PSQL), "psql is not installed");
        List<String> command = new ArrayList<>(List.of(PSQL.toString(), "-X", "-h", "127.0.0.1", "-p",
                Integer.toString(server.address().getPort()), "-U", "postgres", "-d", "postgres"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(scratch, "psql", ".out");
        Path err = Files.createTempFile(scratch, "psql", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("psql did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void commandPrintsTheRowLikePostgres() throws Exception {
        Result r = psql("-c", "select 1");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(" ?column? \n----------\n        1\n(1 row)\n\n");
    }

    @Test
    void scriptWithSeveralStatementsAndAnError() throws Exception {
        Path script = Files.createTempFile(scratch, "script", ".sql");
        Files.writeString(script, """
                select 'a' || 'b' as x;
                set datestyle = 'SQL, DMY';
                show datestyle;
                begin;
                select 1/0;
                select 1;
                rollback;
                select 2.50 * 2 as y;
                """, StandardCharsets.UTF_8);
        Result r = psql("-q", "-A", "-t", "-f", script.toString());
        assertThat(r.out()).isEqualTo("ab\nSQL, DMY\n5.00\n");
        assertThat(r.err()).contains("ERROR:  division by zero")
                .contains("ERROR:  current transaction is aborted, commands ignored until end of transaction block");
    }

    @Test
    void aFailingCommandExitsWithOne() throws Exception {
        Result r = psql("-v", "ON_ERROR_STOP=1", "-c", "select nosuch");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("ERROR:  column \"nosuch\" does not exist").contains("LINE 1: select nosuch");
    }

    @Test
    void csvCopyInEndsAtTheMarkerAndAQueryCopiesOut() throws Exception {
        Path script = Files.createTempFile(scratch, "copy", ".sql");
        Files.writeString(script, """
                create table psql_copy (id int, name text, note text);
                copy psql_copy (id, name) from stdin with (format csv, header true);
                id,name
                4,"delta, with comma"
                5,"quote "" inside"
                \\.
                copy (select id, name from psql_copy where id > 4 order by id) to stdout with (format csv, header true);
                copy (select id, note from psql_copy order by id) to stdout with (null 'null');
                drop table psql_copy;
                """, StandardCharsets.UTF_8);
        Result r = psql("-q", "-v", "ON_ERROR_STOP=1", "-f", script.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("id,name\n5,\"quote \"\" inside\"\n4\tnull\n5\tnull\n");
    }
}
