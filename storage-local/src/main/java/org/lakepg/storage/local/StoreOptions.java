package org.lakepg.storage.local;

import java.time.Duration;
import org.lakepg.storage.StorageConfig;

/**
 * The local store's tunables, read from {@link StorageConfig#options()}: {@code wal_segment_size} (bytes),
 * {@code layer_size} (bytes of recent WAL kept in memory before it is written out as a delta layer),
 * {@code image_after_deltas} (delta layers that trigger an image layer), {@code image_delta_ratio} (percent of the
 * last image's size those deltas must add up to, so a big, slowly changing timeline is not rewritten whole for a
 * few changes), {@code page_cache_size} (bytes of
 * reconstructed pages cached), {@code background} ("false" = checkpoint/compact/gc only when asked, for tests).
 */
public record StoreOptions(long walSegmentSize, long layerSize, int imageAfterDeltas, int imageDeltaPercent, long pageCacheBytes,
        boolean background, Duration defaultRetention) {

    public static StoreOptions from(StorageConfig config) {
        return new StoreOptions(
                config.longOption("wal_segment_size", 16L << 20),
                config.longOption("layer_size", 32L << 20),
                (int) config.longOption("image_after_deltas", 8),
                (int) config.longOption("image_delta_ratio", 25),
                config.longOption("page_cache_size", 128L << 20),
                !"false".equals(config.option("background", "true")),
                Duration.ofSeconds(config.longOption("retention_seconds", Duration.ofDays(1).toSeconds())));
    }
}
