package org.lakepg.analytics.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lakepg.analytics.json.Json;
import org.lakepg.storage.ObjectStore;

/**
 * Writes a table's Delta Lake {@code _delta_log} from its manifests, so Spark, DuckDB, Trino or Databricks read the
 * snapshot without lakepg. Delta commit n is derived from manifests n-1 and n only (adds = files new in n, removes =
 * files gone), so a commit lost in a crash after its manifest is rewritten identically by {@link #catchUp}.
 */
public final class DeltaLog {

    public static final String DIRECTORY = "_delta_log/";

    private final ObjectStore store;
    private final String root;

    public DeltaLog(ObjectStore store, String root) {
        this.store = store;
        this.root = root;
    }

    public static String commitKey(long version) {
        return DIRECTORY + String.format("%020d.json", version);
    }

    /** The highest Delta version written, if any. */
    public Optional<Long> latestVersion() {
        List<String> keys = Listings.list(store, root + DIRECTORY);
        for (int i = keys.size() - 1; i >= 0; i--) {
            String name = keys.get(i).substring(root.length() + DIRECTORY.length());
            if (name.matches("\\d{20}\\.json")) {
                return Optional.of(Long.parseLong(name.substring(0, 20)));
            }
        }
        return Optional.empty();
    }

    /** Writes commit {@code current.version()}, given the manifest before it (empty for the first). */
    public void writeCommit(Optional<Manifest> previous, Manifest current, long timestampMillis) {
        StringBuilder lines = new StringBuilder();
        Map<String, Object> commitInfo = new LinkedHashMap<>();
        commitInfo.put("timestamp", timestampMillis);
        commitInfo.put("operation", previous.isEmpty() ? "CREATE TABLE AS SELECT" : "WRITE");
        commitInfo.put("operationParameters", Map.of("mode", previous.isEmpty() ? "ErrorIfExists" : "Overwrite"));
        commitInfo.put("engineInfo", "lakepg");
        commitInfo.put("lakepgLsn", current.lsn().toString());
        line(lines, "commitInfo", commitInfo);
        boolean schemaChanged = previous.isEmpty() || !previous.get().schema().equals(current.schema());
        if (schemaChanged) {
            Map<String, Object> protocol = new LinkedHashMap<>();
            if (DeltaSchema.needsTimestampNtz(current.schema())) {
                protocol.put("minReaderVersion", 3L);
                protocol.put("minWriterVersion", 7L);
                protocol.put("readerFeatures", List.of("timestampNtz"));
                protocol.put("writerFeatures", List.of("timestampNtz"));
            } else {
                protocol.put("minReaderVersion", 1L);
                protocol.put("minWriterVersion", 2L);
            }
            line(lines, "protocol", protocol);
            Map<String, Object> metaData = new LinkedHashMap<>();
            metaData.put("id", current.tableId());
            metaData.put("name", current.table());
            metaData.put("format", Map.of("provider", "parquet", "options", Map.of()));
            metaData.put("schemaString", DeltaSchema.schemaString(current.schema()));
            metaData.put("partitionColumns", List.of());
            metaData.put("configuration", Map.of());
            metaData.put("createdTime", timestampMillis);
            line(lines, "metaData", metaData);
        }
        Map<String, DataFile> before = new HashMap<>();
        previous.ifPresent(p -> p.files().forEach(f -> before.put(f.path(), f)));
        Map<String, DataFile> after = new HashMap<>();
        current.files().forEach(f -> after.put(f.path(), f));
        for (DataFile f : previous.map(Manifest::files).orElse(List.of())) {
            if (!after.containsKey(f.path())) {
                Map<String, Object> remove = new LinkedHashMap<>();
                remove.put("path", f.path());
                remove.put("deletionTimestamp", timestampMillis);
                remove.put("dataChange", true);
                remove.put("extendedFileMetadata", true);
                remove.put("partitionValues", Map.of());
                remove.put("size", f.sizeBytes());
                line(lines, "remove", remove);
            }
        }
        for (DataFile f : current.files()) {
            if (!before.containsKey(f.path())) {
                Map<String, Object> add = new LinkedHashMap<>();
                add.put("path", f.path());
                add.put("partitionValues", Map.of());
                add.put("size", f.sizeBytes());
                add.put("modificationTime", timestampMillis);
                add.put("dataChange", true);
                add.put("stats", Json.write(Map.of("numRecords", f.rowCount())));
                line(lines, "add", add);
            }
        }
        store.put(root + commitKey(current.version()), lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void line(StringBuilder out, String action, Map<String, Object> body) {
        out.append(Json.write(Map.of(action, body))).append('\n');
    }
}
