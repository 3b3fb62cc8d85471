package org.lakepg.server.exec.operator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.lakepg.server.exec.ExecContext;
import org.lakepg.server.exec.expr.ExprCompiler;
import org.lakepg.server.sql.plan.HashLookupNode;

/** Probes a hash table of the input's rows, built on the first open of the statement and kept for the rest. */
final class HashLookup {
    private HashLookup() {}

    /**
     * Integers of every width hash alike, so int4 = int8 keys meet; -0 and 0 are equal floats (Java's equals tells
     * them apart); other key types are compared as they are.
     */
    static Object normalize(Object value) {
        return switch (value) {
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Double d when d == 0.0 -> 0.0;
            case Float f when f == 0.0f -> 0.0f;
            case null, default -> value;
        };
    }

    /**
     * A row's key in a hash table on {@code columns}: the normalized value of the one column, or the list of them for
     * several; null when any is NULL (equal to nothing).
     */
    static Object rowKey(Object[] row, List<Integer> columns) {
        if (columns.size() == 1) {
            Object value = row[columns.get(0)];
            return value == null ? null : normalize(value);
        }
        Object[] key = new Object[columns.size()];
        for (int i = 0; i < key.length; i++) {
            Object value = row[columns.get(i)];
            if (value == null) {
                return null;
            }
            key[i] = normalize(value);
        }
        return java.util.Arrays.asList(key);
    }

    /** The key that probes a table: {@link #rowKey} of the probing values. */
    static Object probeKey(Object[] values) {
        if (values.length == 1) {
            return values[0] == null ? null : normalize(values[0]);
        }
        Object[] key = new Object[values.length];
        for (int i = 0; i < key.length; i++) {
            if (values[i] == null) {
                return null;
            }
            key[i] = normalize(values[i]);
        }
        return java.util.Arrays.asList(key);
    }

    static Iterator<Object[]> open(HashLookupNode node, java.util.function.Supplier<Iterator<Object[]>> input,
                                   ExprCompiler compiler, ExecContext context) {
        Map<Object, List<Object[]>> table = context.hashTable(node, () -> {
            Map<Object, List<Object[]>> built = new HashMap<>();
            Iterator<Object[]> rows = input.get();
            while (rows.hasNext()) {
                context.checkCancelled();
                Object[] row = rows.next();
                Object key = rowKey(row, node.keyColumns());
                if (key != null) {
                    built.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
                }
            }
            return built;
        });
        Object[] values = new Object[node.keys().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = compiler.compile(node.keys().get(i)).eval(new Object[0], context);
        }
        Object key = probeKey(values);
        if (key == null) {
            return java.util.Collections.emptyIterator();
        }
        return table.getOrDefault(key, List.of()).iterator();
    }
}
