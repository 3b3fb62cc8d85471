package org.lakepg.server.function.scalar;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;
import org.lakepg.wire.types.FormatSettings;
import org.lakepg.wire.types.NumericType;
import org.lakepg.wire.types.PgNumeric;

/** pg_size_pretty (bigint and numeric) and pg_size_bytes, with PostgreSQL 15's units and rounding. */
final class SizeText {
    private SizeText() {}

    private static final String[] UNITS = {"bytes", "kB", "MB", "GB", "TB", "PB"};
    private static final BigInteger LIMIT = BigInteger.valueOf(10 * 1024);

    static String pretty(long bytes) {
        return pretty(BigInteger.valueOf(bytes));
    }

    /** Below 10 kB the value as it is; numeric sizes above it are truncated to whole bytes first. */
    static String pretty(PgNumeric size) {
        if (!size.isFinite()) {
            return NumericType.INSTANCE.formatText(size, FormatSettings.defaults()) + " bytes";
        }
        if (size.value().abs().compareTo(new BigDecimal(LIMIT)) < 0) {
            return NumericType.INSTANCE.formatText(size, FormatSettings.defaults()) + " bytes";
        }
        return pretty(size.value().setScale(0, RoundingMode.DOWN).toBigInteger());
    }

    private static String pretty(BigInteger bytes) {
        if (bytes.abs().compareTo(LIMIT) < 0) {
            return bytes + " bytes";
        }
        BigInteger limit2 = BigInteger.valueOf(10 * 1024 * 2 - 1);
        // keep one extra bit for rounding; C division truncates toward zero, as BigInteger.divide does
        BigInteger size = bytes.divide(BigInteger.valueOf(1 << 9));
        for (int unit = 1; ; unit++) {
            if (size.abs().compareTo(limit2) < 0 || unit == UNITS.length - 1) {
                return halfRounded(size) + " " + UNITS[unit];
            }
            size = size.divide(BigInteger.valueOf(1 << 10));
        }
    }

    private static BigInteger halfRounded(BigInteger x) {
        return x.add(BigInteger.valueOf(x.signum() < 0 ? -1 : 1)).divide(BigInteger.TWO);
    }

    /** pg_size_bytes: a number (sign, digits, fraction, exponent) and an optional unit, case-insensitive. */
    static long bytes(String text) {
        int n = text.length();
        int start = 0;
        while (start < n && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int end = start;
        if (end < n && (text.charAt(end) == '-' || text.charAt(end) == '+')) {
            end++;
        }
        boolean digits = false;
        while (end < n && Character.isDigit(text.charAt(end))) {
            end++;
            digits = true;
        }
        if (end < n && text.charAt(end) == '.') {
            end++;
            while (end < n && Character.isDigit(text.charAt(end))) {
                end++;
                digits = true;
            }
        }
        if (!digits) {
            throw invalid(text);
        }
        if (end < n && (text.charAt(end) == 'e' || text.charAt(end) == 'E')) {
            // like strtol: optional blanks and sign, then digits; otherwise the 'e' starts the unit
            int e = end + 1;
            while (e < n && Character.isWhitespace(text.charAt(e))) {
                e++;
            }
            if (e < n && (text.charAt(e) == '-' || text.charAt(e) == '+')) {
                e++;
            }
            int digitsStart = e;
            while (e < n && Character.isDigit(text.charAt(e))) {
                e++;
            }
            if (e > digitsStart) {
                end = e;
            }
        }
        PgNumeric number = NumericType.INSTANCE.parseText(text.substring(start, end), FormatSettings.defaults());
        int unitStart = end;
        while (unitStart < n && Character.isWhitespace(text.charAt(unitStart))) {
            unitStart++;
        }
        BigDecimal value = number.value();
        if (unitStart < n) {
            int unitEnd = n;
            while (unitEnd > unitStart && Character.isWhitespace(text.charAt(unitEnd - 1))) {
                unitEnd--;
            }
            String unit = text.substring(unitStart, unitEnd);
            int found = -1;
            for (int i = 0; i < UNITS.length; i++) {
                if (UNITS[i].equalsIgnoreCase(unit)) {
                    found = i;
                }
            }
            if (found < 0) {
                throw invalid(text).withDetail("Invalid size unit: \"" + unit + "\".")
                        .withHint("Valid units are \"bytes\", \"kB\", \"MB\", \"GB\", \"TB\", and \"PB\".");
            }
            value = value.multiply(BigDecimal.valueOf(1L << (10 * found)));
        }
        BigDecimal rounded = value.setScale(0, RoundingMode.HALF_UP);
        if (rounded.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
                || rounded.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
        }
        return rounded.longValueExact();
    }

    private static PgException invalid(String text) {
        return PgException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid size: \"%s\"", text);
    }
}
