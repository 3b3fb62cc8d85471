package org.lakepg.server.catalog.types;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Column names of anonymous record types (PostgreSQL's "blessed" record typmods): a FROM item's row as a value
 * (a subquery's {@code q}) is a record whose fields keep the item's column names, for row_to_json, json_agg and
 * {@code (q).name}. A record type's typmod indexes its names; equal name lists share one typmod.
 */
public final class RecordNames {
    private RecordNames() {}

    private static final List<List<String>> BY_TYPMOD = new CopyOnWriteArrayList<>();
    private static final Map<List<String>, Integer> TYPMODS = new ConcurrentHashMap<>();

    /** The typmod of a record type with these field names. */
    public static int typmod(List<String> names) {
        return TYPMODS.computeIfAbsent(List.copyOf(names), n -> {
            synchronized (BY_TYPMOD) {
                BY_TYPMOD.add(n);
                return BY_TYPMOD.size() - 1;
            }
        });
    }

    /** The field names of a record typmod; null for -1 or an unknown typmod. */
    public static List<String> names(int typmod) {
        return typmod >= 0 && typmod < BY_TYPMOD.size() ? BY_TYPMOD.get(typmod) : null;
    }
}
