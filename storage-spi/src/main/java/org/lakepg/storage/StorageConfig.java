package org.lakepg.storage;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/** Where a store keeps its files and its provider-specific options (e.g. {@code wal_segment_size}). */
public record StorageConfig(Path dataDir, Map<String, String> options) {

    public StorageConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        options = Map.copyOf(options);
    }

    public static StorageConfig of(Path dataDir) {
        return new StorageConfig(dataDir, Map.of());
    }

    public String option(String name, String defaultValue) {
        return options.getOrDefault(name, defaultValue);
    }

    public long longOption(String name, long defaultValue) {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw StorageException.of(StorageException.Reason.INVALID_REQUEST,
                    "invalid value for storage option \"%s\": \"%s\"", name, value);
        }
    }
}
