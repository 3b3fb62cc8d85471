package org.lakepg.wire.types;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * Text I/O of float4/float8 as PostgreSQL 15 does it: strtod-style input with NaN/Infinity words,
 * and output either shortest-exact (extra_float_digits > 0, PostgreSQL's Ryu) or C's %.*g.
 */
final class FloatText {

    private static final Pattern DECIMAL_PREFIX = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** Longest first, so "infinity" wins over "inf". */
    private static final String[] SPECIAL_WORDS = {"+infinity", "-infinity", "infinity", "+inf", "-inf", "inf",
        "+nan", "-nan", "nan"};
    /** strtod also reads C99 hexadecimal floats such as 0x10 or 0x1.8p1. */
    private static final Pattern HEX_PREFIX = Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)([pP][+-]?\\d+)?");
    private static final Pattern HAS_NONZERO_DIGIT = Pattern.compile("^[^eE]*[1-9]");

    /** strtod("-nan") keeps the sign bit, and PostgreSQL sends it. */
    static final double NEGATIVE_NAN = Double.longBitsToDouble(0xfff8000000000000L);

    private FloatText() {
    }

    /**
     * Parses like float8in/float4in: leading spaces, the longest number strtod takes (or a
     * NaN/Infinity word), range checked before trailing junk. The range error quotes the whole
     * input for real and the number itself for double precision, as PostgreSQL does.
     * The returned double is already rounded to float for float4.
     */
    static double parse(String text, boolean single) {
        String sqlType = single ? "real" : "double precision";
        int[] end = {0};
        double value = parsePrefix(text, end, single, sqlType, text);
        if (end[0] != text.length()) {
            throw TypeErrors.invalidSyntax(sqlType, text);
        }
        return value;
    }

    /**
     * float8in_internal: one number starting at {@code pos[0]} (after spaces), then spaces;
     * {@code pos[0]} is left after them. Syntax errors name {@code typeName} and quote
     * {@code original}, as the geometric types' input functions report them.
     */
    static double parsePrefix(String text, int[] pos, boolean single, String typeName, String original) {
        int start = pos[0];
        int n = text.length();
        while (start < n && TypeErrors.isSpace(text.charAt(start))) {
            start++;
        }
        double value;
        int end;
        Matcher decimal = DECIMAL_PREFIX.matcher(text).region(start, n);
        Matcher hex = HEX_PREFIX.matcher(text).region(start, n);
        String word = specialWord(text, start);
        if (word != null) {
            end = start + word.length();
            String lower = word.toLowerCase(Locale.ROOT);
            value = lower.contains("n") && !lower.contains("i") ? (lower.startsWith("-") ? NEGATIVE_NAN : Double.NaN)
                    : lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        } else {
            String number;
            if (hex.lookingAt()) {
                end = hex.end();
                number = text.substring(start, end);
                number = number.matches(".*[pP].*") ? number : number + "p0";
            } else if (decimal.lookingAt()) {
                end = decimal.end();
                number = text.substring(start, end);
            } else {
                throw TypeErrors.invalidSyntax(typeName, original);
            }
            value = single ? Float.parseFloat(number) : Double.parseDouble(number);
            boolean underflow = value == 0 && HAS_NONZERO_DIGIT.matcher(text.substring(start, end)).find();
            if (Double.isInfinite(value) || underflow) {
                throw PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "\"%s\" is out of range for type %s",
                        single ? text : text.substring(start, end), single ? "real" : "double precision");
            }
        }
        while (end < n && TypeErrors.isSpace(text.charAt(end))) {
            end++;
        }
        pos[0] = end;
        return value;
    }

    /** NaN, Infinity, inf with optional sign at the start (case-insensitive), or null. */
    private static String specialWord(String text, int start) {
        for (String word : SPECIAL_WORDS) {
            if (text.regionMatches(true, start, word, 0, word.length())) {
                return text.substring(start, start + word.length());
            }
        }
        return null;
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
        String java = single ? Float.toString((float) Math.abs(value)) : Double.toString(Math.abs(value));
        int e = java.indexOf('E');
        String mantissa = e < 0 ? java : java.substring(0, e);
        int dot = mantissa.indexOf('.');
        StringBuilder digits = new StringBuilder(mantissa.length()).append(mantissa, 0, dot)
                .append(mantissa, dot + 1, mantissa.length());
        int exponent = dot - 1 + (e < 0 ? 0 : Integer.parseInt(java.substring(e + 1)));
        while (digits.length() > 1 && digits.charAt(0) == '0') {
            digits.deleteCharAt(0);
            exponent--;
        }
        while (digits.length() > 1 && digits.charAt(digits.length() - 1) == '0') {
            digits.setLength(digits.length() - 1);
        }
        if (digits.length() == 2 || Math.abs(value) >= (single ? 0x1p24 : 0x1p53)) {
            // rare shapes where Java and Ryu may choose differently: settle them exactly
            BigDecimal decimal = new BigDecimal(new java.math.BigInteger(digits.toString()),
                    digits.length() - 1 - exponent);
            if (digits.length() == 2) {
                decimal = oneDigitIfExact(decimal, Math.abs(value), single);
            }
            if (Math.abs(value) >= (single ? 0x1p24 : 0x1p53)) {
                decimal = avoidIntervalBoundary(decimal, Math.abs(value), single);
            }
            digits.setLength(0);
            digits.append(decimal.unscaledValue());
            exponent = decimal.precision() - decimal.scale() - 1;
        }
        StringBuilder out = new StringBuilder(24);
        if (value < 0) {
            out.append('-');
        }
        int limit = single ? 6 : 15;
        if (exponent < -4 || exponent >= limit) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int abs = Math.abs(exponent);
            return out.append('e').append(exponent < 0 ? '-' : '+').append(abs < 10 ? "0" : "").append(abs).toString();
        }
        if (exponent < 0) {
            return out.append("0.").append("0".repeat(-exponent - 1)).append(digits).toString();
        }
        if (digits.length() <= exponent + 1) {
            return out.append(digits).append("0".repeat(exponent + 1 - digits.length())).toString();
        }
        return out.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length()).toString();
    }

    /**
     * Java prefers a closer two-digit decimal when one digit would do (Float.MIN_VALUE is
     * "1.4E-45"); Ryu, which PostgreSQL uses, takes the one-digit decimal that still reads back.
     */
    private static BigDecimal oneDigitIfExact(BigDecimal twoDigits, double value, boolean single) {
        int secondDigit = twoDigits.unscaledValue().intValue() % 10;
        RoundingMode[] order = secondDigit < 5 ? new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}
                : new RoundingMode[] {RoundingMode.CEILING, RoundingMode.FLOOR};
        for (RoundingMode mode : order) {
            BigDecimal candidate = twoDigits.round(new MathContext(1, mode));
            String text = candidate.toString();
            boolean readsBack = single ? Float.parseFloat(text) == (float) value : Double.parseDouble(text) == value;
            if (readsBack) {
                return candidate.stripTrailingZeros();
            }
        }
        return twoDigits;
    }

    /**
     * Only large values have rounding-interval boundaries with few digits (1e23 is exactly the
     * midpoint between two doubles). Java accepts such a boundary as shortest output; Ryu does
     * not, and prints the closest decimal strictly inside the interval instead.
     */
    private static BigDecimal avoidIntervalBoundary(BigDecimal candidate, double value, boolean single) {
        if (Double.isInfinite(single ? Math.nextUp((float) value) : Math.nextUp(value))
                || Double.isInfinite(single ? Math.nextDown((float) value) : Math.nextDown(value))) {
            return candidate;
        }
        BigDecimal exact = new BigDecimal(value);
        BigDecimal below = single ? new BigDecimal(Math.nextDown((float) value)) : new BigDecimal(Math.nextDown(value));
        BigDecimal above = single ? new BigDecimal(Math.nextUp((float) value)) : new BigDecimal(Math.nextUp(value));
        BigDecimal two = BigDecimal.valueOf(2);
        BigDecimal low = exact.add(below).divide(two);
        BigDecimal high = exact.add(above).divide(two);
        if (candidate.compareTo(low) != 0 && candidate.compareTo(high) != 0) {
            return candidate;
        }
        for (int digits = candidate.precision(); digits <= 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.compareTo(low) > 0 && rounded.compareTo(high) < 0) {
                return rounded.stripTrailingZeros();
            }
        }
        return candidate;
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
