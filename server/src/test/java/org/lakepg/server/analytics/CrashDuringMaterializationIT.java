package org.lakepg.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lakepg process killed (SIGKILL) while it writes a snapshot's Parquet files, before the manifest: after a
 * restart on the same data directory the half-written snapshot is not visible (the previous manifest is the latest,
 * every file a manifest names exists), queries still agree on both engines, and the next export completes.
 */
class CrashDuringMaterializationIT {
    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Connection start(Path data, int port) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dlakepg.analytics.background=off", "-cp", System.getProperty("java.class.path"),
                "org.lakepg.server.cli.Main", "start", "--port", String.valueOf(port), "--data", data.toString()));
        Path log = Files.createTempFile(data.getParent(), "server", ".log"); // beside the data, in the test's @TempDir
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        for (int i = 0; i < 600 && !Files.readString(log).contains("listening"); i++) {
            assertThat(process.isAlive()).as("lakepg started: " + Files.readString(log)).isTrue();
            Thread.sleep(100);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
    }

    private static List<Path> files(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    @Test
    void killedMidWriteLeavesThePreviousSnapshotVisible(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        int port = freePort();
        Path objects = data.resolve("storage").resolve("objects").resolve("analytics");
        String q = "select length(v) % 7, count(*), sum(id), max(v) from an_crash group by 1 order by 1";
        List<String> expected;
        try (Connection c = start(data, port)) {
            AnalyticsRoutingIT.run(c, "create table an_crash (id int, v text)",
                    "insert into an_crash select g, repeat('x', g % 50) || g from generate_series(1, 60000) g");
            AnalyticsRoutingIT.rows(c, "select * from lakepg_export_snapshot('an_crash')");
            assertThat(files(objects, "manifest-")).hasSize(1);
            AnalyticsRoutingIT.run(c, "update an_crash set v = v || 'y'");
            expected = AnalyticsRoutingIT.rows(c, q);
            int filesBefore = files(objects, "pages-").size();
            Thread export = new Thread(() -> {
                try {
                    AnalyticsRoutingIT.rows(c, "select * from lakepg_export_snapshot('an_crash')");
                } catch (SQLException killed) {
                    // the server dies under it
                }
            });
            export.start();
            // kill as soon as the new snapshot's first data file is there and its manifest is not
            while (files(objects, "pages-").size() == filesBefore) {
                assertThat(files(objects, "manifest-")).hasSize(1);
                Thread.sleep(1);
            }
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            export.join();
        }
        List<Path> manifests = files(objects, "manifest-");
        assertThat(manifests).as("the interrupted snapshot never got its manifest").hasSize(1);
        assertThat(files(objects, "pages-").size()).as("orphan files of the interrupted write").isGreaterThan(0);
        try (Connection c = start(data, port)) {
            for (Path f : namedFiles(manifests.get(0))) {
                assertThat(f).exists();
            }
            AnalyticsRoutingIT.run(c, "set lakepg.analytics = on");
            assertThat(String.join("\n", AnalyticsRoutingIT.rows(c, "explain " + q))).contains("snapshot LSN");
            assertThat(AnalyticsRoutingIT.rows(c, q)).isEqualTo(expected);
            AnalyticsRoutingIT.rows(c, "select * from lakepg_export_snapshot('an_crash')");
            // the new snapshot is complete and no query reads the old one: the old one and the interrupted
            // write's orphans are cleaned up, only the new snapshot's files remain
            List<Path> after = files(objects, "manifest-");
            assertThat(after).hasSize(1);
            assertThat(after.get(0)).isNotEqualTo(manifests.get(0));
            List<Path> named = namedFiles(after.get(0));
            for (Path f : named) {
                assertThat(f).exists();
            }
            // (a put killed midway may leave the object store's own temporary file, which is no object)
            assertThat(files(objects, "pages-").stream().filter(f -> f.toString().endsWith(".parquet")))
                    .containsExactlyInAnyOrderElementsOf(named);
            assertThat(AnalyticsRoutingIT.rows(c, q)).isEqualTo(expected);
        }
    }

    private static List<Path> namedFiles(Path manifest) throws IOException {
        Path root = manifest.getParent().getParent();
        List<Path> out = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("data/pages-[^\"]+\\.parquet").matcher(Files.readString(manifest));
        while (m.find()) {
            out.add(root.resolve(m.group()));
        }
        assertThat(out).isNotEmpty();
        return out;
    }
}
