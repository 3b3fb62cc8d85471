package org.lakepg.wire.types;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Text I/O of float4/float8 as PostgreSQL 15 does it: strtod-style input with NaN/Infinity words,
 * and output either shortest-exact (extra_float_digits > 0, PostgreSQL's Ryu) or C's %.*g.
 */
final class FloatText {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HAS_NONZERO_DIGIT = Pattern.compile("^[^eE]*[1-9]");

    private FloatText() {
    }

    /** Parses like float8in/float4in; the returned double is already rounded to float for float4. */
    static double parse(String text, boolean single) {
        String sqlType = single ? "real" : "double precision";
        String number = TypeErrors.trimSpace(text);
        String special = number.toLowerCase(Locale.ROOT);
        switch (special) {
            case "nan", "+nan", "-nan" -> { return Double.NaN; }
            case "infinity", "+infinity", "inf", "+inf" -> { return Double.POSITIVE_INFINITY; }
            case "-infinity", "-inf" -> { return Double.NEGATIVE_INFINITY; }
            default -> { }
        }
        if (!DECIMAL.matcher(number).matches()) {
            throw TypeErrors.invalidSyntax(sqlType, text);
        }
        double value = single ? Float.parseFloat(number) : Double.parseDouble(number);
        boolean underflow = value == 0 && HAS_NONZERO_DIGIT.matcher(number).find();
        if (Double.isInfinite(value) || underflow) {
            throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "\"%s\" is out of range for type %s",
                    number, sqlType);
        }
        return value;
    }

    static String format(double value, boolean single, int extraFloatDigits) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (extraFloatDigits > 0) {
            return shortest(value, single);
        }
        int precision = (single ? 6 : 15) + extraFloatDigits;
        return cFormatG(value, Math.max(precision, 1));
    }

    /** Shortest digits that read back exactly, in %e form when the exponent is < -4 or >= 6 (float4) / 15 (float8). */
    private static String shortest(double value, boolean single) {
        if (value == 0) {
            return (1 / value < 0) ? "-0" : "0";
        }
        // Float/Double.toString produce the shortest uniquely-identifying digits (JDK 19+)
        BigDecimal decimal = new BigDecimal(single ? Float.toString((float) value) : Double.toString(value))
                .stripTrailingZeros();
        if (decimal.precision() == 2) {
            decimal = oneDigitIfExact(decimal, value, single);
        }
        int exponent = decimal.precision() - decimal.scale() - 1;
        int limit = single ? 6 : 15;
        if (exponent < -4 || exponent >= limit) {
            return scientific(decimal, exponent);
        }
        return decimal.toPlainString();
    }

    /**
     * Java prefers a closer two-digit decimal when one digit would do (Float.MIN_VALUE is
     * "1.4E-45"); Ryu, which PostgreSQL uses, takes the one-digit decimal that still reads back.
     */
    private static BigDecimal oneDigitIfExact(BigDecimal twoDigits, double value, boolean single) {
        BigDecimal exact = new BigDecimal(value);
        BigDecimal best = null;
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal candidate = twoDigits.round(new MathContext(1, mode));
            boolean readsBack = single ? candidate.floatValue() == (float) value : candidate.doubleValue() == value;
            if (readsBack && (best == null
                    || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                best = candidate;
            }
        }
        return best == null ? twoDigits : best.stripTrailingZeros();
    }

    /** C's printf("%.{precision}g"): round to precision significant digits, drop trailing zeros. */
    private static String cFormatG(double value, int precision) {
        if (value == 0) {
            return (1 / value < 0) ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal stripped = rounded.stripTrailingZeros();
        if (exponent < -4 || exponent >= precision) {
            return scientific(stripped, exponent);
        }
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    private static String scientific(BigDecimal stripped, int exponent) {
        String digits = stripped.unscaledValue().abs().toString();
        StringBuilder out = new StringBuilder();
        if (stripped.signum() < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            out.append('0');
        }
        return out.append(abs).toString();
    }
}
