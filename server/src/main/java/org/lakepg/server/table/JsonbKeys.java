package org.lakepg.server.table;

import java.util.Map;
import org.lakepg.server.access.btree.KeyEncoding;
import org.lakepg.wire.types.Jsonb;

/**
 * B-tree keys of jsonb (jsonb_ops) whose byte order is jsonb_cmp's: an object above every array or scalar; a
 * scalar document sorts as a one-element array before a real one of one element, element counts first (so
 * {@code []} sorts below {@code null}); within containers null < string < number < boolean < array < object,
 * arrays and objects by size, then element by element (objects key, value, key, value in stored key order).
 */
final class JsonbKeys {
    private static final long ARRAY_OR_SCALAR_DOCUMENT = 1;
    private static final long OBJECT_DOCUMENT = 2;

    private JsonbKeys() {}

    static void add(KeyEncoding key, Jsonb document, KeyEncoding.Order order) {
        switch (document) {
            case Jsonb.Obj o -> {
                key.addLong(OBJECT_DOCUMENT, order);
                value(key, o, order);
            }
            case Jsonb.Array a -> {
                key.addLong(ARRAY_OR_SCALAR_DOCUMENT, order);
                key.addLong((long) a.elements().size(), order);
                key.addLong(1L, order); // a real array after a scalar of as many elements
                a.elements().forEach(e -> value(key, e, order));
            }
            default -> {
                key.addLong(ARRAY_OR_SCALAR_DOCUMENT, order);
                key.addLong(1L, order);
                key.addLong(0L, order);
                value(key, document, order);
            }
        }
    }

    private static void value(KeyEncoding key, Jsonb v, KeyEncoding.Order order) {
        switch (v) {
            case Jsonb.Null n -> key.addLong(0L, order);
            case Jsonb.Str s -> {
                key.addLong(1L, order);
                key.addText(s.value(), order);
            }
            case Jsonb.Number n -> {
                key.addLong(2L, order);
                TypedKeys.numeric(key, n.value(), order); // a JSON number is always finite
            }
            case Jsonb.Bool b -> {
                key.addLong(3L, order);
                key.addLong(b.value() ? 1L : 0L, order);
            }
            case Jsonb.Array a -> {
                key.addLong(4L, order);
                key.addLong((long) a.elements().size(), order);
                a.elements().forEach(e -> value(key, e, order));
            }
            case Jsonb.Obj o -> {
                key.addLong(5L, order);
                key.addLong((long) o.members().size(), order);
                for (Map.Entry<String, Jsonb> m : o.members()) {
                    key.addText(m.getKey(), order);
                    value(key, m.getValue(), order);
                }
            }
        }
    }
}
