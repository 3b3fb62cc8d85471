package org.lakepg.analytics.parquet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lakepg.analytics.batch.Column;
import org.lakepg.analytics.batch.PgType;
import org.lakepg.analytics.batch.Schema;
import org.lakepg.analytics.json.Json;

/**
 * The exact PostgreSQL schema (type OIDs and numeric typmods), kept in the Parquet footer's key-value metadata: the
 * Parquet types alone cannot tell text from varchar or an unconstrained numeric from a string.
 */
public final class SchemaNote {

    public static final String KEY = "lakepg.schema";

    private SchemaNote() {
    }

    public static String write(Schema schema) {
        List<Object> columns = new ArrayList<>();
        for (Column c : schema.columns()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("oid", (long) c.type().oid());
            m.put("nullable", c.nullable());
            m.put("precision", (long) c.precision());
            m.put("scale", (long) c.scale());
            columns.add(m);
        }
        return Json.write(columns);
    }

    @SuppressWarnings("unchecked")
    public static Schema read(String text) {
        List<Column> columns = new ArrayList<>();
        for (Object o : (List<Object>) Json.parse(text)) {
            Map<String, Object> m = (Map<String, Object>) o;
            columns.add(new Column((String) m.get("name"), PgType.byOid(((Long) m.get("oid")).intValue()),
                    (Boolean) m.get("nullable"), ((Long) m.get("precision")).intValue(),
                    ((Long) m.get("scale")).intValue()));
        }
        return new Schema(columns);
    }
}
