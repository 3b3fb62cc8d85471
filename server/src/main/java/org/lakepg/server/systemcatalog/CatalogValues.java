package org.lakepg.server.systemcatalog;

import java.util.List;
import org.lakepg.wire.types.PgArray;

/**
 * Converts the plain Java values row sources write (ints, chars, lists) into the representation
 * of the column's type (Short for int2, Long for oid and reg*, Byte for "char", PgArray...).
 */
final class CatalogValues {
    private CatalogValues() {}

    static Object coerce(SystemColumn column, Object value) {
        if (value == null) {
            return null;
        }
        int type = (int) column.type();
        return switch (type) {
            case 21 -> ((Number) value).shortValue();
            case 23 -> ((Number) value).intValue();
            case 20, 26, 28, 24, 2202, 2203, 2204, 2205, 2206, 4089, 4096, 3734, 3769, 4191, 3220 ->
                    ((Number) value).longValue();
            case 700 -> ((Number) value).floatValue();
            case 701 -> ((Number) value).doubleValue();
            case 18 -> value instanceof Character c ? (byte) c.charValue()
                    : value instanceof String s ? (s.isEmpty() ? (byte) 0 : (byte) s.charAt(0)) : value;
            case 30 -> vector(26, value);
            case 22 -> vector(21, value);
            case 1009, 1003, 1028, 1002, 1005, 1000, 1021, 1022, 2211, 1034 -> array(elementOf(type), value);
            default -> value;
        };
    }

    private static int elementOf(int arrayType) {
        return switch (arrayType) {
            case 1009 -> 25;
            case 1003 -> 19;
            case 1028 -> 26;
            case 1002 -> 18;
            case 1005 -> 21;
            case 1000 -> 16;
            case 1021 -> 700;
            case 1022 -> 701;
            case 2211 -> 2206;
            case 1034 -> 1033;
            default -> throw new IllegalArgumentException("array type " + arrayType);
        };
    }

    private static PgArray vector(int element, Object value) {
        if (value instanceof PgArray a) {
            return a;
        }
        Object[] elements = elements(element, value);
        return new PgArray(element, new int[] {elements.length}, new int[] {0}, elements);
    }

    private static PgArray array(int element, Object value) {
        if (value instanceof PgArray a) {
            return a;
        }
        return PgArray.of(element, elements(element, value));
    }

    private static Object[] elements(int element, Object value) {
        Object[] raw = switch (value) {
            case long[] longs -> java.util.Arrays.stream(longs).boxed().toArray();
            case short[] shorts -> {
                Object[] out = new Object[shorts.length];
                for (int i = 0; i < shorts.length; i++) {
                    out[i] = shorts[i];
                }
                yield out;
            }
            case char[] chars -> {
                Object[] out = new Object[chars.length];
                for (int i = 0; i < chars.length; i++) {
                    out[i] = chars[i];
                }
                yield out;
            }
            case List<?> list -> list.toArray();
            case Object[] array -> array;
            default -> throw new IllegalArgumentException("not an array value: " + value);
        };
        SystemColumn elementColumn = new SystemColumn("", (short) 0, element, -1, false, (short) 0, 'i', 'p', true, 0);
        Object[] out = new Object[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = coerce(elementColumn, raw[i]);
        }
        return out;
    }
}
