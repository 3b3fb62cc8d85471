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

    static Iterator<Object[]> open(HashLookupNode node, java.util.function.Supplier<Iterator<Object[]>> input,
                                   ExprCompiler compiler, ExecContext context) {
        Map<Object, List<Object[]>> table = context.hashTable(node, () -> {
            Map<Object, List<Object[]>> built = new HashMap<>();
            Iterator<Object[]> rows = input.get();
            while (rows.hasNext()) {
                context.checkCancelled();
                Object[] row = rows.next();
                Object key = row[node.keyColumn()];
                if (key != null) {
                    built.computeIfAbsent(normalize(key), k -> new ArrayList<>()).add(row);
                }
            }
            return built;
        });
        Object key = compiler.compile(node.key()).eval(new Object[0], context);
        if (key == null) {
            return java.util.Collections.emptyIterator();
        }
        return table.getOrDefault(normalize(key), List.of()).iterator();
    }
}
