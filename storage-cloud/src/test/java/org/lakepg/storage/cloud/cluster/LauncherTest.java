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
        assertThat(LocalCluster.extraJvmOptions(" -XX:StartFlightRecording=filename={}.jfr  -Xss1m ", Path.of("/d/logs/pageserver")))
                .containsExactly("-XX:StartFlightRecording=filename=/d/logs/pageserver.jfr", "-Xss1m");
        assertThat(LocalCluster.extraJvmOptions(null, Path.of("/d/logs/s3"))).isEmpty();
        assertThat(LocalCluster.extraJvmOptions("  ", Path.of("/d/logs/s3"))).isEmpty();
    }
}
