package org.lakepg.storage.cloud.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void commandRunsLakepgsMainWithTheServicesJvmOptions() {
        Launcher launcher = new Launcher(Path.of("/jdk/bin/java"), List.of("--enable-native-access=ALL-UNNAMED"),
                "/x/lakepg.jar", Launcher.LAKEPG_MAIN);
        assertThat(launcher.command(List.of("-Xmx1g"), List.of("safekeeper", "--id", "1")))
                .containsExactly("/jdk/bin/java", "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-cp", "/x/lakepg.jar",
                        "org.lakepg.server.cli.Main", "safekeeper", "--id", "1");
    }

    @Test
    void classPathEntriesBecomeAbsoluteBecauseServicesRunInTheClusterDirectory() {
        String absolute = Launcher.absolute("server/target/lakepg.jar" + File.pathSeparator + "/abs/a.jar");
        assertThat(absolute.split(File.pathSeparator)).containsExactly(
                Path.of("server/target/lakepg.jar").toAbsolutePath().normalize().toString(), "/abs/a.jar");
    }

    @Test
    void extraJvmOptionsNameTheServicesOwnFiles() {
        assertThat(LocalCluster.extraJvmOptions(" -XX:StartFlightRecording=filename={}.jfr  -Xss1m ", ServiceKind.PAGESERVER, Path.of("/d/logs/pageserver")))
                .containsExactly("-XX:StartFlightRecording=filename=/d/logs/pageserver.jfr", "-Xss1m");
        assertThat(LocalCluster.extraJvmOptions(null, ServiceKind.S3, Path.of("/d/logs/s3"))).isEmpty();
        assertThat(LocalCluster.extraJvmOptions("  ", ServiceKind.S3, Path.of("/d/logs/s3"))).isEmpty();
    }

    @Test
    void aKindPrefixedOptionGoesToThatKindOnly() {
        String value = "-Xss1m safekeeper:-XX:TieredStopAtLevel=1 s3:-XX:+UseSerialGC";
        assertThat(LocalCluster.extraJvmOptions(value, ServiceKind.SAFEKEEPER, Path.of("/d/logs/safekeeper-1")))
                .containsExactly("-Xss1m", "-XX:TieredStopAtLevel=1");
        assertThat(LocalCluster.extraJvmOptions(value, ServiceKind.COMPUTE, Path.of("/d/logs/compute")))
                .containsExactly("-Xss1m");
    }

    @Test
    void storageServicesRunThroughNiceWhichKeepsTheCommand() {
        List<String> command = List.of("/jdk/bin/java", "-cp", "/x/lakepg.jar", "org.lakepg.server.cli.Main", "pageserver");
        assertThat(LocalCluster.niced(ServiceKind.COMPUTE.niceness(), command)).isEqualTo(command);
        assertThat(LocalCluster.niced(ServiceKind.SAFEKEEPER.niceness(), command)).isEqualTo(command);
        List<String> niced = LocalCluster.niced(ServiceKind.PAGESERVER.niceness(), command);
        if (new File("/usr/bin/nice").canExecute() && !"off".equals(System.getenv(LocalCluster.NICE))) {
            assertThat(niced).containsExactly("/usr/bin/nice", "-n", "10", "/jdk/bin/java", "-cp", "/x/lakepg.jar",
                    "org.lakepg.server.cli.Main", "pageserver");
        } else {
            assertThat(niced).isEqualTo(command);
        }
    }
}
