package org.lakepg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.server.cli.ServerConfig;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;

/**
 * Large objects through the clients that use them: pgjdbc's LargeObjectManager and psql's \lo_import / \lo_export
 * (both call lo_open, loread, lowrite ... over the fast path), kept across a restart and rolled back with their
 * transaction.
 */
class LargeObjectsIT {
    private static final Path PSQL = Path.of("/usr/bin/psql");

    @TempDir
    Path scratch;

    private static ServerConfig config(Path data) throws Exception {
        return ServerConfig.parse(List.of("--port", "0", "--data", data.toString()), Map.of());
    }

    private static Connection connect(LakepgServer server) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.address().getPort()
                + "/postgres?user=postgres");
    }

    @Test
    void largeObjectManagerWritesReadsSeeksAndTruncatesAndTheDataOutlivesARestart() throws Exception {
        Path data = scratch.resolve("data");
        byte[] content = new byte[100_000];
        new Random(5).nextBytes(content);
        long oid;
        try (LakepgServer server = LakepgServer.start(config(data)); Connection c = connect(server)) {
            c.setAutoCommit(false);
            LargeObjectManager lobs = c.unwrap(PGConnection.class).getLargeObjectAPI();
            oid = lobs.createLO(LargeObjectManager.READWRITE);
            try (LargeObject lo = lobs.open(oid, LargeObjectManager.WRITE)) {
                for (int at = 0; at < content.length; at += 7_000) {
                    lo.write(content, at, Math.min(7_000, content.length - at));
                }
                assertThat(lo.tell64()).isEqualTo(content.length);
            }
            c.commit();

            try (LargeObject lo = lobs.open(oid, LargeObjectManager.READ)) {
                assertThat(lo.size64()).isEqualTo(content.length);
                lo.seek(2030);
                assertThat(lo.read(36)).isEqualTo(Arrays.copyOfRange(content, 2030, 2066));
                assertThat(lo.tell()).isEqualTo(2066);
                lo.seek(0);
                assertThat(lo.read(content.length + 10)).isEqualTo(content);
            }
            c.commit();

            // a rolled-back write and truncate leave the object as it was
            try (LargeObject lo = lobs.open(oid, LargeObjectManager.READWRITE)) {
                lo.seek(10);
                lo.write(new byte[] {1, 2, 3});
                lo.truncate(50);
                assertThat(lo.size()).isEqualTo(50);
            }
            c.rollback();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*), sum(length(data)) from pg_largeobject where loid = "
                         + oid)) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo((content.length + 2047) / 2048);
                assertThat(rs.getLong(2)).isEqualTo(content.length);
            }
            c.commit();

            // a descriptor does not outlive its transaction
            LargeObject open = lobs.open(oid, LargeObjectManager.READ);
            c.commit();
            assertThatThrownBy(() -> open.read(1)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("invalid large-object descriptor: 0");
            c.rollback();
        }
        try (LakepgServer server = LakepgServer.start(config(data)); Connection c = connect(server)) {
            c.setAutoCommit(false);
            LargeObjectManager lobs = c.unwrap(PGConnection.class).getLargeObjectAPI();
            try (LargeObject lo = lobs.open(oid, LargeObjectManager.READ)) {
                assertThat(lo.read(content.length)).isEqualTo(content);
            }
            lobs.unlink(oid);
            c.commit();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select (select count(*) from pg_largeobject where loid = " + oid
                         + "), (select count(*) from pg_largeobject_metadata where oid = " + oid + ")")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
                assertThat(rs.getLong(2)).isZero();
            }
        }
    }

    @Test
    void psqlImportsAndExportsFilesThroughTheClientSideFunctions() throws Exception {
        assumeTrue(Files.isExecutable(PSQL), "psql is not installed");
        byte[] content = new byte[20_000];
        new Random(9).nextBytes(content);
        Path in = scratch.resolve("in.bin");
        Path out = scratch.resolve("out.bin");
        Files.write(in, content);
        try (LakepgServer server = LakepgServer.start(config(scratch.resolve("data")))) {
            int port = server.address().getPort();
            String imported = psql(port, "-c", "\\lo_import '" + in + "' 'a comment'");
            assertThat(imported).matches("lo_import \\d+\n");
            String oid = imported.trim().substring("lo_import ".length());

            assertThat(psql(port, "-c", "\\lo_export " + oid + " '" + out + "'")).isEqualTo("lo_export\n");
            assertThat(Files.readAllBytes(out)).isEqualTo(content);

            assertThat(psql(port, "-A", "-t", "-c", "\\lo_list")).isEqualTo(oid + "|postgres|a comment\n");
            try (Connection c = connect(server); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select md5(lo_get(" + oid + ")), length(lo_get(" + oid + "))")) {
                rs.next();
                assertThat(rs.getInt(2)).isEqualTo(content.length);
            }
            assertThat(psql(port, "-c", "\\lo_unlink " + oid)).isEqualTo("lo_unlink " + oid + "\n");
            assertThat(psql(port, "-A", "-t", "-c", "select count(*) from pg_largeobject_metadata")).isEqualTo("0\n");
        }
    }

    private static String psql(int port, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PSQL.toString(), "-X", "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("psql did not finish");
        }
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
