package org.lakepg.server.exec.constraint;

import java.math.BigDecimal;
import java.util.List;

/** Key columns of a row, compared the way a foreign key compares them (an int4 key equals the same int8 value). */
final class KeyValues {
    private KeyValues() {}

    static Object[] of(Object[] row, List<Short> attnums) {
        Object[] key = new Object[attnums.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = row[attnums.get(i) - 1];
        }
        return key;
    }

    static boolean anyNull(Object[] key) {
        for (Object v : key) {
            if (v == null) {
                return true;
            }
        }
        return false;
    }

    static boolean equal(Object[] a, Object[] b) {
        for (int i = 0; i < a.length; i++) {
            if (!equal(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    static boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof org.lakepg.wire.types.PgNumeric x && b instanceof org.lakepg.wire.types.PgNumeric y) {
            return x.compareTo(y) == 0; // 1.5 equals 1.50
        }
        if (a instanceof Number x && b instanceof Number y) {
            if (integral(x) && integral(y)) {
                return x.longValue() == y.longValue();
            }
            if (floating(x) || floating(y)) {
                double dx = x.doubleValue();
                double dy = y.doubleValue();
                return dx == dy || Double.isNaN(dx) && Double.isNaN(dy); // -0 equals 0, NaN equals NaN
            }
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        if (a instanceof String x && b instanceof String y) {
            return x.equals(y) || x.stripTrailing().equals(y.stripTrailing());
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return java.util.Arrays.equals(x, y);
        }
        return a.equals(b);
    }

    private static boolean floating(Number n) {
        return n instanceof Double || n instanceof Float;
    }

    private static boolean integral(Number n) {
        return n instanceof Short || n instanceof Integer || n instanceof Long;
    }
}
