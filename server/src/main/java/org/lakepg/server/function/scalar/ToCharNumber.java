package org.lakepg.server.function.scalar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.lakepg.server.function.FunctionRegistry;
import org.lakepg.wire.types.PgNumeric;

/**
 * to_char(numeric | int4 | int8 | float4 | float8, text) following formatting.c's NUM_processor: the
 * value is first printed with the template's number of decimals (numstr), then the template is walked
 * and each 9/0/./D writes a blank, a zero, a digit or the point. Locale is C: "." and "," and a blank
 * currency symbol.
 */
public final class ToCharNumber {
    private ToCharNumber() {}

    public static void register(FunctionRegistry r) {
        r.register("numeric_to_char", (x, c) -> numeric((PgNumeric) x[0], (String) x[1]));
        r.register("int4_to_char", (x, c) -> integer(((Number) x[0]).longValue(), (String) x[1]));
        r.register("int8_to_char", (x, c) -> integer(((Number) x[0]).longValue(), (String) x[1]));
        r.register("float8_to_char", (x, c) -> floating((Double) x[0], (String) x[1], 15));
        r.register("float4_to_char", (x, c) -> floating(((Float) x[0]).doubleValue(), (String) x[1], 6));
    }

    /** What the template walk starts from: the digits, the sign and how many leading digit places stay empty. */
    private record Prepared(String number, char sign, int outPreSpaces) {}

    private static String numeric(PgNumeric value, String format) {
        NumberFormat f = NumberFormat.parse(format);
        if (f.roman) {
            BigDecimal v = value.isFinite() ? value.value().setScale(0, RoundingMode.HALF_UP) : BigDecimal.ZERO;
            return process(f, new Prepared(roman(v.intValue(), v.abs().compareTo(BigDecimal.valueOf(4000)) >= 0), '+', 0));
        }
        if (f.eeee) {
            if (!value.isFinite()) {
                return process(f, new Prepared(hashesForEeee(f), '+', 0));
            }
            String sci = scientific(value.value(), f.post);
            return process(f, new Prepared(sci.startsWith("-") ? sci : " " + sci, '+', 0));
        }
        BigDecimal v;
        if (!value.isFinite()) {
            // numeric_out's text, its sign taken off as for any number: "-Infinity" keeps its MI sign
            String text = value.toString();
            boolean negative = text.startsWith("-");
            return process(f, prepare(f, negative ? text.substring(1) : text, negative ? '-' : '+'));
        }
        v = value.value();
        if (f.multiFlag) {
            v = v.scaleByPowerOfTen(f.multi);
            f.pre += f.multi;
        }
        v = v.setScale(f.post, RoundingMode.HALF_UP);
        String text = v.toPlainString();
        char sign = '+';
        if (text.startsWith("-")) {
            sign = '-';
            text = text.substring(1);
        }
        return process(f, prepare(f, text, sign));
    }

    private static String integer(long value, String format) {
        NumberFormat f = NumberFormat.parse(format);
        if (f.roman) {
            return process(f, new Prepared(roman((int) Math.max(Math.min(value, 5000), -1), value >= 4000), '+', 0));
        }
        if (f.eeee) {
            return process(f, new Prepared(cScientific((double) value, f.post), '+', 0));
        }
        if (f.multiFlag) {
            value = (long) (value * Math.pow(10, f.multi));
            f.pre += f.multi;
        }
        String text = Long.toString(value);
        char sign = '+';
        if (text.startsWith("-")) {
            sign = '-';
            text = text.substring(1);
        }
        if (f.post > 0) {
            text = text + "." + "0".repeat(f.post);
        }
        return process(f, prepare(f, text, sign));
    }

    private static String floating(double value, String format, int maxDigits) {
        NumberFormat f = NumberFormat.parse(format);
        if (f.roman) {
            return process(f, new Prepared(roman((int) Math.rint(value), Math.rint(value) >= 4000), '+', 0));
        }
        if (f.eeee) {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return process(f, new Prepared(hashesForEeee(f), '+', 0));
            }
            return process(f, new Prepared(cScientific(value, f.post), '+', 0));
        }
        double v = value;
        if (f.multiFlag) {
            v = value * Math.pow(10, f.multi);
            f.pre += f.multi;
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            // PostgreSQL's printf spells these out, and their length limits the digits after the point too
            String text = Double.isNaN(v) ? "NaN" : "Infinity";
            if (text.length() >= maxDigits) {
                f.post = 0;
            } else if (text.length() + f.post > maxDigits) {
                f.post = maxDigits - text.length();
            }
            return process(f, prepare(f, text, v < 0 ? '-' : '+'));
        }
        int preLength = new BigDecimal(Math.abs(v)).setScale(0, RoundingMode.HALF_EVEN).toPlainString().length();
        if (preLength >= maxDigits) {
            f.post = 0;
        } else if (preLength + f.post > maxDigits) {
            f.post = maxDigits - preLength;
        }
        String text = new BigDecimal(v).setScale(f.post, RoundingMode.HALF_EVEN).toPlainString();
        char sign = '+';
        if (text.startsWith("-")) {
            sign = '-';
            text = text.substring(1);
        } else if (Double.doubleToRawLongBits(v) < 0) {
            // printf keeps the sign of -0.0 and of values that round to zero
            sign = '-';
        }
        return process(f, prepare(f, text, sign));
    }

    /** Blanks for a number with fewer integer digits than the template, or all '#' when it has more. */
    private static Prepared prepare(NumberFormat f, String text, char sign) {
        int point = text.indexOf('.');
        int preLength = point >= 0 ? point : text.length();
        if (preLength < f.pre) {
            return new Prepared(text, sign, f.pre - preLength);
        }
        if (preLength > f.pre) {
            StringBuilder hashes = new StringBuilder("#".repeat(f.pre + f.post + 1));
            hashes.setCharAt(f.pre, '.');
            return new Prepared(hashes.toString(), sign, 0);
        }
        return new Prepared(text, sign, 0);
    }

    private static String hashesForEeee(NumberFormat f) {
        StringBuilder s = new StringBuilder("#".repeat(f.pre + f.post + 6));
        s.setCharAt(0, ' ');
        s.setCharAt(f.pre + 1, '.');
        return s.toString();
    }

    /** numeric_out_sci: d.ddde+XX with {@code digits} decimals, exponent at least two digits. */
    private static String scientific(BigDecimal v, int digits) {
        if (v.signum() == 0) {
            return "0" + (digits > 0 ? "." + "0".repeat(digits) : "") + "e+00";
        }
        int exponent = v.precision() - v.scale() - 1;
        BigDecimal mantissa = v.movePointLeft(exponent).setScale(digits, RoundingMode.HALF_UP);
        if (mantissa.abs().compareTo(BigDecimal.TEN) >= 0) {
            exponent++;
            mantissa = v.movePointLeft(exponent).setScale(digits, RoundingMode.HALF_UP);
        }
        return mantissa.toPlainString() + (exponent < 0 ? "e-" : "e+") + String.format("%02d", Math.abs(exponent));
    }

    /** printf("%+.*e") with the leading '+' turned into a blank. */
    private static String cScientific(double v, int digits) {
        String s = String.format(Locale.ROOT, "%+." + digits + "e", v);
        return s.startsWith("+") ? " " + s.substring(1) : s;
    }

    private static final int[] ROMAN_VALUES = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    private static final String[] ROMAN_DIGITS = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};

    private static String roman(int n, boolean tooLarge) {
        if (tooLarge || n < 1 || n > 3999) {
            return "#".repeat(15);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < ROMAN_VALUES.length; i++) {
            while (n >= ROMAN_VALUES[i]) {
                out.append(ROMAN_DIGITS[i]);
                n -= ROMAN_VALUES[i];
            }
        }
        return out.toString();
    }

    private static String process(NumberFormat f, Prepared p) {
        return new NumberWriter(f, p.number(), p.sign(), p.outPreSpaces()).write();
    }
}
