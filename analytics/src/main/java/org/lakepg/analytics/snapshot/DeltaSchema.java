package org.lakepg.analytics.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.analytics.batch.Column;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.json.Json;
import org.lakepg.analytics.parquet.ParquetColumnType;

/**
 * A table schema as Delta Lake's {@code schemaString} (Spark's StructType JSON), with the types matching what the
 * Parquet files hold (see {@link ParquetColumnType}).
 */
public final class DeltaSchema {

    private DeltaSchema() {
    }

    public static String typeOf(Column column) {
        return switch (ParquetColumnType.of(column)) {
            case BOOLEAN -> "boolean";
            case INT16 -> "short";
            case INT32 -> "integer";
            case INT64 -> "long";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case DECIMAL_INT64, DECIMAL_FIXED16 -> "decimal(" + column.precision() + "," + column.scale() + ")";
            case DECIMAL_TEXT, STRING -> "string";
            case BINARY -> "binary";
            case UUID -> "string"; // Delta has no uuid type: the text form
            case DATE -> "date";
            case TIMESTAMPTZ -> "timestamp";
            case TIMESTAMP -> "timestamp_ntz";
        };
    }

    public static String schemaString(Schema schema) {
        List<Object> fields = new ArrayList<>();
        for (Column c : schema.columns()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", c.name());
            f.put("type", typeOf(c));
            f.put("nullable", c.nullable());
            f.put("metadata", Map.of());
            fields.add(f);
        }
        Map<String, Object> struct = new LinkedHashMap<>();
        struct.put("type", "struct");
        struct.put("fields", fields);
        return Json.write(struct);
    }

    /** timestamp_ntz is a table feature: it needs reader version 3 / writer version 7. */
    public static boolean needsTimestampNtz(Schema schema) {
        return schema.columns().stream().anyMatch(c -> c.type() == PgType.TIMESTAMP);
    }
}
