package org.lakepg.analytics.exec;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.UUID;

/**
 * PostgreSQL's ordering of non-NULL values of one type: floats with NaN equal to itself and above everything and
 * -0 equal to 0; numeric by value (1.0 = 1.00); text by code point (the C collation); bytea and uuid as unsigned
 * bytes; false before true.
 */
public final class ValueOrder {

    private ValueOrder() {
    }

    public static int compareDoubles(double a, double b) {
        if (a < b) {
            return -1;
        }
        if (a > b) {
            return 1;
        }
        if (a == b) {
            return 0; // also -0.0 vs 0.0
        }
        return Double.compare(a, b); // NaN involved: NaN sorts last and equals NaN
    }

    public static int compareText(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // UTF-16 order differs from code point order only when a surrogate meets a char above it
                boolean sx = Character.isSurrogate(x);
                boolean sy = Character.isSurrogate(y);
                if (sx != sy) {
                    return sx ? 1 : -1;
                }
                return x < y ? -1 : 1;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    public static int compareUuid(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** Compares two non-null values of the same type (as held in vectors). */
    public static int compare(Object a, Object b) {
        return switch (a) {
            case Boolean x -> Boolean.compare(x, (Boolean) b);
            case Short x -> Short.compare(x, (Short) b);
            case Integer x -> Integer.compare(x, (Integer) b);
            case Long x -> Long.compare(x, (Long) b);
            case Float x -> compareDoubles(x, (Float) b);
            case Double x -> compareDoubles(x, (Double) b);
            case BigDecimal x -> x.compareTo((BigDecimal) b);
            case String x -> compareText(x, (String) b);
            case byte[] x -> Arrays.compareUnsigned(x, (byte[]) b);
            case UUID x -> compareUuid(x, (UUID) b);
            default -> throw new IllegalArgumentException("cannot order " + a.getClass().getName());
        };
    }

    /**
     * A key for hashing and equality that agrees with PostgreSQL's equality: numerics of any scale, -0.0/0.0, all
     * NaNs and integers of different widths compare equal; byte arrays by content.
     */
    public static Object equalityKey(Object v) {
        return switch (v) {
            case null -> null;
            case Short s -> (long) s;
            case Integer i -> (long) i;
            case Float f -> normalize((double) f);
            case Double d -> normalize(d);
            case BigDecimal d -> d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
            case byte[] b -> new Bytes(b);
            default -> v;
        };
    }

    private static Double normalize(double d) {
        if (Double.isNaN(d)) {
            return Double.NaN;
        }
        return d == 0.0 ? 0.0 : d;
    }

    /** byte[] with value equality. */
    record Bytes(byte[] value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes other && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }
    }
}
