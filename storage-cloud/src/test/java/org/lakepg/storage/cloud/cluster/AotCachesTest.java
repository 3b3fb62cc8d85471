package org.lakepg.storage.cloud.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCachesTest {

    @TempDir
    Path caches;

    @Test
    void everyKindReadsItsOwnCacheWhenTheLauncherTrainedOne() throws Exception {
        Files.writeString(caches.resolve("safekeeper.aot"), "x");
        Files.writeString(caches.resolve("compute.aot"), "x");
        assertThat(AotCaches.options(caches, null, ServiceKind.SAFEKEEPER, List.of()))
                .containsExactly("-XX:AOTCache=" + caches.resolve("safekeeper.aot").toAbsolutePath());
        assertThat(AotCaches.options(caches, null, ServiceKind.COMPUTE, List.of("-Xss1m")))
                .containsExactly("-XX:AOTCache=" + caches.resolve("compute.aot").toAbsolutePath());
        assertThat(AotCaches.options(caches, null, ServiceKind.PAGESERVER, List.of())).as("no cache of that kind").isEmpty();
    }

    @Test
    void aComputeFallsBackToTheEmbeddedServersCache() throws Exception {
        Path embedded = caches.resolve("lakepg.aot");
        Files.writeString(embedded, "x");
        assertThat(AotCaches.options(null, embedded, ServiceKind.COMPUTE, List.of()))
                .containsExactly("-XX:AOTCache=" + embedded.toAbsolutePath());
        assertThat(AotCaches.options(null, embedded, ServiceKind.SAFEKEEPER, List.of())).as("a compute's only").isEmpty();
        Files.writeString(caches.resolve("compute.aot"), "x");
        assertThat(AotCaches.options(caches, embedded, ServiceKind.COMPUTE, List.of()))
                .as("the cluster's own training first").containsExactly("-XX:AOTCache=" + caches.resolve("compute.aot").toAbsolutePath());
        assertThat(AotCaches.options(null, caches.resolve("missing.aot"), ServiceKind.COMPUTE, List.of())).isEmpty();
    }

    @Test
    void noCacheWithoutTheLaunchersDirectoryOrWhenTheServicesOptionsNameOne() throws Exception {
        Files.writeString(caches.resolve("compute.aot"), "x");
        assertThat(AotCaches.options(null, null, ServiceKind.COMPUTE, List.of())).isEmpty();
        // a training run (LAKEPG_CLUSTER_JVM_OPTIONS) writes a cache; the JVM refuses reading another one meanwhile
        assertThat(AotCaches.options(caches, null, ServiceKind.COMPUTE, List.of("-XX:AOTCacheOutput=/d/logs/compute.aot")))
                .isEmpty();
        assertThat(AotCaches.options(caches, null, ServiceKind.COMPUTE, List.of("-XX:AOTCache=/elsewhere.aot"))).isEmpty();
    }
}
