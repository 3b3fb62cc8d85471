package org.lakepg.server.systemcatalog;

import java.util.List;
import java.util.Map;

/**
 * A sequence read as a relation ({@code SELECT last_value, is_called FROM s}, as pg_dump does): its one row of
 * last_value, log_cnt and is_called, read from the sequence's state when scanned. lakepg keeps no WAL-ahead count,
 * so log_cnt is always 0.
 */
public final class SequenceRelation {
    private SequenceRelation() {}

    private static final long INT8 = 20;
    private static final long BOOL = 16;

    public static SystemRelation of(long oid, long namespace, String name) {
        List<SystemColumn> columns = List.of(
                new SystemColumn("last_value", (short) 1, INT8, -1, true, (short) 8, 'd', 'p', true, 0),
                new SystemColumn("log_cnt", (short) 2, INT8, -1, true, (short) 8, 'd', 'p', true, 0),
                new SystemColumn("is_called", (short) 3, BOOL, -1, true, (short) 1, 'c', 'p', true, 0));
        return new SystemRelation(oid, namespace, "", name, 'S', 0, false, columns, (catalog, out) -> {
            for (CatalogSources.SequenceRow s : catalog.sequences()) {
                if (s.oid() == oid) {
                    out.add().set("last_value", s.lastValue() == null ? s.start() : s.lastValue())
                            .set("log_cnt", 0L).set("is_called", s.lastValue() != null);
                }
            }
        }, Map.of());
    }
}
