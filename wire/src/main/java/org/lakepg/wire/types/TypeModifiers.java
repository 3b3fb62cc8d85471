package org.lakepg.wire.types;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Type modifiers (pg_attribute.atttypmod) encoded and applied as PostgreSQL 15 does:
 * char(n)/varchar(n) lengths, numeric(p,s) precision and scale, and the fractional-second
 * precision of time, timetz, timestamp, timestamptz and interval. -1 means no modifier.
 */
public final class TypeModifiers {

    public static final int NONE = -1;
    /** pg_attribute stores lengths with the 4-byte varlena header added (VARHDRSZ). */
    private static final int VARHDRSZ = 4;

    private TypeModifiers() {
    }

    /** typmod of char(n) or varchar(n). */
    public static int length(int n) {
        return n + VARHDRSZ;
    }

    /** typmod of numeric(precision, scale); PostgreSQL 15 allows scale from -1000 to 1000. */
    public static int numeric(int precision, int scale) {
        return ((precision << 16) | (scale & 0x7FF)) + VARHDRSZ;
    }

    /** typmod of time(p), timestamp(p), interval(p) and their zoned variants: p itself. */
    public static int precision(int p) {
        return p;
    }

    /**
     * Applies a modifier to a value of the type: pads or checks lengths, rounds numerics and
     * fractional seconds. explicitCast = a cast written by the user (CAST, ::), which cuts
     * over-long strings instead of failing; literal input ('abc'::varchar(2)) counts as explicit.
     */
    public static Object apply(PgType<?> type, Object value, int typmod, boolean explicitCast) {
        if (typmod < 0 || value == null) {
            return value;
        }
        if (type instanceof ArrayType array) {
            // varchar(3)[]: the modifier applies to every element
            PgArray values = (PgArray) value;
            Object[] elements = values.elements();
            for (int i = 0; i < elements.length; i++) {
                elements[i] = apply(array.elementType(), elements[i], typmod, explicitCast);
            }
            return new PgArray(values.elementOid(), values.dims(), values.lowerBounds(), elements);
        }
        return switch (type.oid()) {
            case 1042 -> bpchar((String) value, typmod - VARHDRSZ, explicitCast);
            case 1043 -> varchar((String) value, typmod - VARHDRSZ, explicitCast);
            case 1700 -> numeric((PgNumeric) value, typmod);
            case 1083 -> roundMicros((Long) value, typmod);
            case 1266 -> {
                PgTimeTz time = (PgTimeTz) value;
                yield new PgTimeTz(roundMicros(time.micros(), typmod), time.offsetSeconds());
            }
            case 1114, 1184 -> {
                long micros = (Long) value;
                yield micros == PgDateTime.TIMESTAMP_NEGATIVE_INFINITY
                        || micros == PgDateTime.TIMESTAMP_POSITIVE_INFINITY ? micros : roundMicros(micros, typmod);
            }
            case 1186 -> {
                PgInterval interval = (PgInterval) value;
                yield new PgInterval(interval.months(), interval.days(), roundMicros(interval.micros(), typmod));
            }
            default -> value;
        };
    }

    private static String bpchar(String value, int length, boolean explicitCast) {
        int chars = value.codePointCount(0, value.length());
        if (chars > length) {
            return cut(value, length, explicitCast, "character");
        }
        return chars == length ? value : value + " ".repeat(length - chars);
    }

    private static String varchar(String value, int length, boolean explicitCast) {
        return value.codePointCount(0, value.length()) > length ? cut(value, length, explicitCast, "character varying")
                : value;
    }

    /** Over-long: cut if explicit or if only spaces are cut, else 22001. */
    private static String cut(String value, int length, boolean explicitCast, String typeName) {
        int end = value.offsetByCodePoints(0, length);
        if (!explicitCast && !value.substring(end).chars().allMatch(c -> c == ' ')) {
            throw PgException.of(SqlState.STRING_DATA_RIGHT_TRUNCATION, "value too long for type %s(%d)", typeName,
                    length);
        }
        return value.substring(0, end);
    }

    private static PgNumeric numeric(PgNumeric value, int typmod) {
        int precision = ((typmod - VARHDRSZ) >> 16) & 0xFFFF;
        int scale = (((typmod - VARHDRSZ) & 0x7FF) ^ 1024) - 1024; // sign-extend 11 bits
        if (value.isNaN()) {
            return value;
        }
        if (!value.isFinite()) {
            throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow").withDetail(
                    "A field with precision %d, scale %d cannot hold an infinite value.".formatted(precision, scale));
        }
        BigDecimal rounded = value.value().setScale(scale, RoundingMode.HALF_UP);
        int integerDigits = rounded.signum() == 0 ? 0 : rounded.precision() - rounded.scale();
        if (integerDigits > precision - scale) {
            String limit = scale != precision ? "10^" + (precision - scale) : "1"; // 10^0 reads 1
            throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow").withDetail(
                    "A field with precision %d, scale %d must round to an absolute value less than %s."
                            .formatted(precision, scale, limit));
        }
        return PgNumeric.of(scale < 0 ? rounded.setScale(0) : rounded);
    }

    /** Rounds to p fractional digits, halves away from zero (PostgreSQL's Adjust*ForTypmod). */
    static long roundMicros(long micros, int p) {
        if (p >= 6) {
            return micros;
        }
        long scale = (long) Math.pow(10, 6 - p);
        long half = scale / 2;
        return micros >= 0 ? (micros + half) / scale * scale : -(((-micros) + half) / scale * scale);
    }
}
