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

    private static final Map<Integer, long[]> TYPES = new ConcurrentHashMap<>();

    /**
     * The typmod of a record type whose fields' names and types are known (a set-returning function's OUT row in a
     * select list), so that {@code (q.col).field} works after the record passed through a subquery.
     */
    public static int typmod(List<String> names, long[] types) {
        List<String> key = new java.util.ArrayList<>(names);
        key.add("\u0000" + java.util.Arrays.toString(types)); // the types are part of the identity
        int typmod = typmod(key);
        TYPES.putIfAbsent(typmod, types.clone());
        return typmod;
    }

    /** The field types of a typmod made with {@link #typmod(List, long[])}; null otherwise. */
    public static long[] types(int typmod) {
        return TYPES.get(typmod);
    }

    /** The field names of a record typmod; null for -1 or an unknown typmod. */
    public static List<String> names(int typmod) {
        if (typmod < 0 || typmod >= BY_TYPMOD.size()) {
            return null;
        }
        List<String> names = BY_TYPMOD.get(typmod);
        List<String> typed = names.isEmpty() || !names.get(names.size() - 1).startsWith("\u0000") ? names
                : names.subList(0, names.size() - 1);
        return typed;
    }
}
