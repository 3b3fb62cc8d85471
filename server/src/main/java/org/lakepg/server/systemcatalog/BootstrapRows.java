package org.lakepg.server.systemcatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lakepg.server.catalog.bootstrap.CsvTable;
import org.lakepg.wire.types.FormatSettings;
import org.lakepg.wire.types.PgType;
import org.lakepg.wire.types.PgTypes;

/**
 * The rows of built-in objects recorded from PostgreSQL 15 (the bootstrap CSVs), converted once
 * into the relation's column types with the types' own input functions.
 */
final class BootstrapRows {
    private BootstrapRows() {}

    private static final Map<String, List<Object[]>> CACHE = new ConcurrentHashMap<>();

    /** A row source giving every row of {@code <csvName>.csv}. */
    static RowSource of(String csvName) {
        return (catalog, out) -> out.addRaw(rows(csvName, out.relation()));
    }

    static List<Object[]> rows(String csvName, SystemRelation relation) {
        return CACHE.computeIfAbsent(relation.namespaceName() + "." + relation.name(), k -> convert(csvName, relation));
    }

    private static List<Object[]> convert(String csvName, SystemRelation relation) {
        CsvTable csv = CsvTable.load(csvName);
        int width = relation.columns().size();
        int[] source = new int[width];
        PgType<?>[] codecs = new PgType<?>[width];
        for (int i = 0; i < width; i++) {
            SystemColumn c = relation.columns().get(i);
            source[i] = csv.columns().indexOf(c.name());
            codecs[i] = codec(c.type());
        }
        List<Object[]> out = new ArrayList<>(csv.rows().size());
        FormatSettings settings = FormatSettings.defaults();
        for (String[] r : csv.rows()) {
            Object[] row = new Object[width];
            for (int i = 0; i < width; i++) {
                String text = source[i] < 0 ? null : r[source[i]];
                row[i] = text == null ? null : codecs[i].parseText(text, settings);
            }
            out.add(row);
        }
        return out;
    }

    static PgType<?> codec(long type) {
        PgType<?> codec = PgTypes.byOid((int) type);
        if (codec == null) {
            codec = CatalogTypeCodecs.byOid(type);
        }
        if (codec == null) {
            throw new IllegalStateException("no codec for catalog column type " + type);
        }
        return codec;
    }
}
