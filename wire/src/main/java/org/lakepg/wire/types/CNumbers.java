package org.lakepg.wire.types;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The C library's strtol/strtod as date/time input uses them: a prefix of the text is read and
 * the caller looks at what follows. Used by interval input, which is written around them.
 */
final class CNumbers {

    /** A parsed prefix: its value, where it ended (the start when nothing was read) and ERANGE. */
    record Parsed(long value, int end, boolean overflow) {
    }

    private static final Pattern FRACTION = Pattern.compile("\\.(\\d+([eE][+-]?\\d+)?)?");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private CNumbers() {
    }

    /** strtoi64(text + start, &end, 10). */
    static Parsed strtol(String text, int start) {
        int n = text.length();
        int i = start;
        while (i < n && TypeErrors.isSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int digits = i;
        long value = 0;
        boolean overflow = false;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            int d = text.charAt(i) - '0';
            if (!overflow) {
                // accumulate negatively so that Long.MIN_VALUE fits
                if (value < (Long.MIN_VALUE + d) / 10) {
                    overflow = true;
                } else {
                    value = value * 10 - d;
                }
            }
            i++;
        }
        if (i == digits) {
            return new Parsed(0, start, false);
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                overflow = true;
            }
            value = -value;
        }
        return new Parsed(overflow ? (negative ? Long.MIN_VALUE : Long.MAX_VALUE) : value, i, overflow);
    }

    /**
     * ParseFraction: text from dot (a '.') to the end must be one number for strtod; a lone "."
     * is zero. Anything else is a bad format.
     */
    static double fraction(String text, int dot) {
        String rest = text.substring(dot);
        if (!FRACTION.matcher(rest).matches()) {
            throw IntervalInputError.badFormat();
        }
        return rest.length() == 1 ? 0 : Double.parseDouble("0" + rest);
    }

    /** strtod(text + start, &end): value and end index, or null when nothing reads as a number. */
    static double[] strtod(String text, int start) {
        Matcher m = DECIMAL.matcher(text).region(start, text.length());
        if (m.lookingAt()) {
            return new double[] {Double.parseDouble(m.group()), m.end()};
        }
        String rest = text.substring(start).toLowerCase(java.util.Locale.ROOT);
        for (String sign : new String[] {"", "+", "-"}) {
            for (String word : new String[] {"infinity", "inf", "nan"}) {
                if (rest.startsWith(sign + word)) {
                    double v = word.equals("nan") ? Double.NaN
                            : sign.equals("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                    return new double[] {v, start + sign.length() + word.length()};
                }
            }
        }
        return null;
    }
}
