package org.lakepg.server.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lakepg.storage.cloud.cluster.ClusterFile;
import org.lakepg.storage.cloud.cluster.LocalCluster;

/**
 * {@code lakepg cluster start|status|stop|replica|gc} as a user runs them: the jar's command line, separate processes, a
 * restart on the same directory that finds the data again, and a stop that leaves none of its processes behind.
 */
@Tag("slow-cluster")
class ClusterCommandIT {

    @TempDir
    Path dir;

    @Test
    @Timeout(360)
    void startStatusStopAndStartAgainOnTheSameData() throws Exception {
        Path d = dir.resolve("cluster");
        try {
            String started = lakepg("cluster", "start", "--dir", d.toString(), "--warm-up", "1");
            assertThat(started).contains("started in");
            assertThat(Files.readString(d.resolve("logs/compute.log")))
                    .as("the compute warmed up on a scratch database of its store before it served anyone")
                    .containsPattern("lakepg warmed up: [1-9]\\d* statements on a scratch database of its store");
            for (String service : LocalCluster.services()) {
                assertThat(started).containsPattern(service + " +127\\.0\\.0\\.1:\\d+ +pid \\d+");
            }
            int port = computePort(started);
            try (Connection c = DriverManager.getConnection(url(port)); Statement s = c.createStatement()) {
                s.execute("create table kept(id int primary key)");
                s.execute("insert into kept select generate_series(1, 100)");
                assertThat(ComputeFailoverIT.longValue(s, "select count(*) from pg_database where datname like 'lakepg%'"))
                        .as("the warm-up's scratch database is dropped").isZero();
            }

            // a read replica next to the cluster, and the pageserver's GC on demand
            int replicaPort = computePort(lakepg("cluster", "replica", "--dir", d.toString(), "--warm-up", "0"));
            try (Connection c = DriverManager.getConnection(url(replicaPort)); Statement s = c.createStatement()) {
                assertThat(ComputeFailoverIT.longValue(s, "select count(*) from kept")).isEqualTo(100);
                assertThat(ComputeFailoverIT.longValue(s, "select pg_is_in_recovery()::int")).isEqualTo(1);
            }
            assertThat(lakepg("cluster", "gc", "--dir", d.toString())).containsPattern("pageserver GC removed \\d+ layers");

            String status = lakepg("cluster", "status", "--dir", d.toString());
            assertThat(status).doesNotContain("NOT RUNNING").contains("postgres").contains("ingested")
                    .containsPattern("replica +127\\.0\\.0\\.1:" + replicaPort + " +pid \\d+");

            List<ProcessHandle> processes = new ArrayList<>();
            ClusterFile file = ClusterFile.in(d);
            for (String service : LocalCluster.services()) {
                processes.add(file.process(service).orElseThrow());
            }
            processes.add(file.process(LocalCluster.REPLICA).orElseThrow());
            if (Files.isExecutable(Path.of("/usr/bin/nice")) && Files.exists(Path.of("/proc/self/stat"))) {
                assertThat(niceness(file.process(LocalCluster.PAGESERVER).orElseThrow()))
                        .as("the pageserver yields the CPU to the commit path").isEqualTo(10);
                assertThat(niceness(file.process(LocalCluster.COMPUTE).orElseThrow())).isEqualTo(0);
            }
            assertThat(lakepg("cluster", "stop", "--dir", d.toString())).contains("stopped");
            assertThat(processes).noneMatch(ProcessHandle::isAlive);
            assertThat(lakepg("cluster", "status", "--dir", d.toString())).contains("NOT RUNNING");

            String again = lakepg("cluster", "start", "--dir", d.toString(), "--warm-up", "0");
            assertThat(computePort(again)).as("ports are kept across restarts").isEqualTo(port);
            try (Connection c = DriverManager.getConnection(url(port)); Statement s = c.createStatement()) {
                assertThat(ComputeFailoverIT.longValue(s, "select count(*) from kept")).isEqualTo(100);
            }
        } finally {
            lakepg("cluster", "stop", "--dir", d.toString());
        }
    }

    /** Field 19 of /proc/PID/stat (the fields after the command name in parentheses start at 3). */
    private static int niceness(ProcessHandle process) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    private static int computePort(String startOutput) {
        Matcher m = Pattern.compile("psql -h 127\\.0\\.0\\.1 -p (\\d+)").matcher(startOutput);
        assertThat(m.find()).as("start prints how to connect: %s", startOutput).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Runs {@code java -jar target/lakepg.jar args...}; returns its output. */
    private static String lakepg(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-jar", ClusterFixture.JAR.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        System.out.println(text);
        return text;
    }
}
