package org.lakepg.server.table;

import java.math.BigDecimal;
import java.util.Map;
import org.lakepg.server.access.btree.KeyEncoding;
import org.lakepg.wire.types.Jsonb;
import org.lakepg.wire.types.PgNumeric;

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
                number(key, n.value(), order);
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

    /**
     * A finite number in numeric order: its sign, then (negated for negatives) the decimal exponent of its leading
     * digit, then its significant digits, complemented for negatives and closed by a mark above every digit so a
     * longer negative with the same prefix sorts first.
     */
    private static void number(KeyEncoding key, PgNumeric n, KeyEncoding.Order order) {
        BigDecimal d = n.value() == null ? BigDecimal.ZERO : n.value();
        int sign = d.signum();
        key.addLong((long) sign, order);
        if (sign == 0) {
            return;
        }
        BigDecimal abs = d.abs().stripTrailingZeros();
        long exponent = (long) abs.precision() - abs.scale();
        String digits = abs.unscaledValue().toString();
        if (sign > 0) {
            key.addLong(exponent, order);
            key.addText(digits, order);
            return;
        }
        StringBuilder complemented = new StringBuilder(digits.length() + 1);
        for (int i = 0; i < digits.length(); i++) {
            complemented.append((char) ('9' - digits.charAt(i) + '0'));
        }
        complemented.append(':');
        key.addLong(-exponent, order);
        key.addText(complemented.toString(), order);
    }
}
