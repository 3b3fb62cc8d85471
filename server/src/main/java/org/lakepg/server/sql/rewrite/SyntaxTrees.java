package org.lakepg.server.sql.rewrite;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Copies syntax trees with some nodes replaced. The rewriter substitutes NEW and OLD references anywhere in a rule
 * action (any statement, any expression), so this walks every record of the tree generically instead of one case per
 * node kind.
 */
public final class SyntaxTrees {
    private SyntaxTrees() {}

    /**
     * The tree with each node for which {@code replace} answers non-null replaced by that answer (whose own nodes are
     * not visited again); unchanged subtrees are shared.
     */
    @SuppressWarnings("unchecked")
    public static <T> T map(T node, Function<Object, Object> replace) {
        return (T) walk(node, replace);
    }

    private static Object walk(Object node, Function<Object, Object> replace) {
        if (node == null) {
            return null;
        }
        Object replaced = replace.apply(node);
        if (replaced != null) {
            return replaced;
        }
        if (node instanceof List<?> list) {
            List<Object> out = null;
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                Object mapped = walk(item, replace);
                if (mapped != item && out == null) {
                    out = new ArrayList<>(list.subList(0, i));
                }
                if (out != null) {
                    out.add(mapped);
                }
            }
            return out == null ? node : java.util.Collections.unmodifiableList(out);
        }
        if (!(node instanceof Record record) || !record.getClass().getPackageName().startsWith("org.lakepg.server.sql")) {
            return node;
        }
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        boolean changed = false;
        try {
            for (int i = 0; i < components.length; i++) {
                Object value = components[i].getAccessor().invoke(record);
                values[i] = walk(value, replace);
                changed |= values[i] != value;
            }
            if (!changed) {
                return node;
            }
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName(), e);
        }
    }

    /** Whether any node of the tree satisfies {@code test}. */
    public static boolean any(Object node, java.util.function.Predicate<Object> test) {
        boolean[] found = new boolean[1];
        map(node, n -> {
            if (!found[0] && test.test(n)) {
                found[0] = true;
            }
            return found[0] ? n : null;
        });
        return found[0];
    }
}
