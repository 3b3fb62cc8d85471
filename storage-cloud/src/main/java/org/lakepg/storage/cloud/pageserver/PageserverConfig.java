package org.lakepg.storage.cloud.pageserver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a pageserver runs. {@code dataDir} is its local disk — a cache of S3 that may be wiped. {@code generation} is
 * put in every object key it writes so two pageservers never overwrite each other (0 = one more than the highest
 * found in the bucket). Every {@code uploadInterval} it uploads checkpoints not yet in S3; every
 * {@code checkpointInterval} it checkpoints timelines that ingested WAL (the local store also checkpoints when its
 * in-memory layer fills up). Reads wait up to {@code waitTimeout} for WAL not yet ingested. {@code storeOptions} go
 * to the local layered store (e.g. {@code layer_size}, {@code page_cache_size}).
 */
public record PageserverConfig(Path dataDir, long generation, Duration uploadInterval, Duration checkpointInterval,
        Duration waitTimeout, Map<String, String> storeOptions) {

    public PageserverConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        if (generation < 0) {
            throw new IllegalArgumentException("generation must not be negative");
        }
        storeOptions = Map.copyOf(storeOptions);
    }

    public static PageserverConfig of(Path dataDir) {
        return new PageserverConfig(dataDir, 0, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30), Map.of());
    }

    public PageserverConfig withIntervals(Duration upload, Duration checkpoint) {
        return new PageserverConfig(dataDir, generation, upload, checkpoint, waitTimeout, storeOptions);
    }

    public PageserverConfig withGeneration(long generation) {
        return new PageserverConfig(dataDir, generation, uploadInterval, checkpointInterval, waitTimeout, storeOptions);
    }

    public PageserverConfig withWaitTimeout(Duration timeout) {
        return new PageserverConfig(dataDir, generation, uploadInterval, checkpointInterval, timeout, storeOptions);
    }

    public PageserverConfig withStoreOptions(Map<String, String> options) {
        return new PageserverConfig(dataDir, generation, uploadInterval, checkpointInterval, waitTimeout, options);
    }
}
