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

    /** The embedded server's AOT cache, which a compute reads unless the directory above has one of its own. */
    static final String COMPUTE_CACHE_PROPERTY = "lakepg.compute.aot-cache";

    private AotCaches() {
    }

    /**
     * The JVM option that reads {@code kind}'s cache from the launcher's directory, or nothing — also when the
     * service's other options already name an AOT cache to read or to write (a training run, an experiment), which
     * the JVM would not combine with this one.
     */
    static List<String> options(ServiceKind kind, List<String> otherOptions) {
        return options(path(DIRECTORY_PROPERTY), path(COMPUTE_CACHE_PROPERTY), kind, otherOptions);
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    /**
     * @param computeCache the embedded server's cache ({@code ./lakepg start}'s), for a compute when {@code directory}
     *                     has no compute cache: a compute is that server on other storage, and it is the service that
     *                     starts cold most often (a restart, a wake-up, a replica)
     */
    static List<String> options(Path directory, Path computeCache, ServiceKind kind, List<String> otherOptions) {
        if (otherOptions.stream().anyMatch(option -> option.startsWith("-XX:AOTCache"))) {
            return List.of();
        }
        Path cache = directory == null ? null : directory.resolve(kind.word() + ".aot");
        if (cache != null && Files.isRegularFile(cache)) {
            return List.of("-XX:AOTCache=" + cache.toAbsolutePath());
        }
        if (kind == ServiceKind.COMPUTE && computeCache != null && Files.isRegularFile(computeCache)) {
            return List.of("-XX:AOTCache=" + computeCache.toAbsolutePath());
        }
        return List.of();
    }
}
