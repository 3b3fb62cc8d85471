package org.lakepg.server.function.scalar;

import java.math.BigDecimal;
import java.util.Locale;

/** PostgreSQL's printf %g (six significant digits, trailing zeros dropped), which some PostgreSQL messages use. */
final class DateTimeFloatText {
    private DateTimeFloatText() {}

    static String g(double value) {
        // PostgreSQL's own snprintf spells the special values this way
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return value == 0 && 1 / value < 0 ? "-0" : "0";
        }
        String e = String.format(Locale.ROOT, "%.5e", value);
        int exponent = Integer.parseInt(e.substring(e.indexOf('e') + 1));
        if (exponent < -4 || exponent >= 6) {
            String mantissa = stripZeros(e.substring(0, e.indexOf('e')));
            String exp = e.substring(e.indexOf('e') + 1);
            char sign = exp.charAt(0) == '-' ? '-' : '+';
            String digits = exp.replaceFirst("^[+-]", "");
            if (digits.length() < 2) {
                digits = "0" + digits;
            }
            return mantissa + "e" + sign + digits;
        }
        return stripZeros(new BigDecimal(value).setScale(5 - exponent, java.math.RoundingMode.HALF_EVEN)
                .toPlainString());
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
