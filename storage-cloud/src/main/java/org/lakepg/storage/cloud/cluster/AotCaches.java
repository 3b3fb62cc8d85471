package org.lakepg.storage.cloud.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JVM AOT caches (JDK 25+) of a cluster's services, one per {@link ServiceKind}: {@code compute.aot},
 * {@code safekeeper.aot}, {@code pageserver.aot}, {@code s3.aot} in the directory the system property
 * {@value #DIRECTORY_PROPERTY} names. The lakepg launcher, asked with LAKEPG_CLUSTER_AOT=on, trains them once per build
 * of the jar (scripts/aot-train-cluster) and sets the property; without it, or without a kind's file, a service starts
 * without a cache. A cache saves a young JVM most of its class loading and lets C2 compile the hot paths from the
 * trained profiles at once instead of after tens of thousands of transactions (docs/safekeepers.md, "Session 12").
 */
final class AotCaches {

    static final String DIRECTORY_PROPERTY = "lakepg.cluster.aot-dir";

    private AotCaches() {
    }

    /**
     * The JVM option that reads {@code kind}'s cache from the launcher's directory, or nothing — also when the
     * service's other options already name an AOT cache to read or to write (a training run, an experiment), which
     * the JVM would not combine with this one.
     */
    static List<String> options(ServiceKind kind, List<String> otherOptions) {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        return options(directory == null || directory.isBlank() ? null : Path.of(directory), kind, otherOptions);
    }

    static List<String> options(Path directory, ServiceKind kind, List<String> otherOptions) {
        if (directory == null || otherOptions.stream().anyMatch(option -> option.startsWith("-XX:AOTCache"))) {
            return List.of();
        }
        Path cache = directory.resolve(kind.word() + ".aot");
        return Files.isRegularFile(cache) ? List.of("-XX:AOTCache=" + cache.toAbsolutePath()) : List.of();
    }
}
