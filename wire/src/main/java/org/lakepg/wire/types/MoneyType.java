package org.lakepg.wire.types;

import java.nio.ByteBuffer;
import org.lakepg.wire.error.PgException;
import org.lakepg.wire.error.SqlState;

/**
 * money: a signed count of cents in a Long, read and written as cash_in/cash_out do under
 * lc_monetary C: "$", "," grouping by three, "." and two fraction digits, "-$1.00" for negatives.
 */
public final class MoneyType extends AbstractPgType<Long> {

    public static final MoneyType INSTANCE = new MoneyType();

    private static final int FRACTION_DIGITS = 2;

    private MoneyType() {
        super(790, Long.class);
    }

    @Override
    public Long parseText(String str, FormatSettings settings) {
        int n = str.length();
        int s = 0;
        s = skipSpaces(str, s);
        s = skipPrefix(str, s, "$");
        s = skipSpaces(str, s);
        int sign = 1;
        if (str.startsWith("-", s)) {
            sign = -1;
            s++;
        } else if (s < n && str.charAt(s) == '(') {
            sign = -1;
            s++;
        } else if (str.startsWith("+", s)) {
            s++;
        }
        s = skipSpaces(str, s);
        s = skipPrefix(str, s, "$");
        s = skipSpaces(str, s);
        // built in the negative, so the most negative value fits
        long value = 0;
        boolean seenDot = false;
        int dec = 0;
        for (; s < n; s++) {
            char c = str.charAt(s);
            if (isDigit(c) && (!seenDot || dec < FRACTION_DIGITS)) {
                try {
                    value = Math.subtractExact(Math.multiplyExact(value, 10), c - '0');
                } catch (ArithmeticException e) {
                    throw outOfRange(str);
                }
                if (seenDot) {
                    dec++;
                }
            } else if (c == '.' && !seenDot) {
                seenDot = true;
            } else if (c != ',') {
                break;
            }
        }
        if (s < n && isDigit(str.charAt(s)) && str.charAt(s) >= '5') {
            if (value == Long.MIN_VALUE) {
                throw outOfRange(str);
            }
            value--;
        }
        for (; dec < FRACTION_DIGITS; dec++) {
            try {
                value = Math.multiplyExact(value, 10);
            } catch (ArithmeticException e) {
                throw outOfRange(str);
            }
        }
        while (s < n && isDigit(str.charAt(s))) {
            s++;
        }
        while (s < n) {
            char c = str.charAt(s);
            if (TypeErrors.isSpace(c) || c == ')' || c == '+' || c == '$') {
                s++;
            } else if (c == '-') {
                sign = -1;
                s++;
            } else {
                throw TypeErrors.invalidSyntax("money", str);
            }
        }
        if (sign > 0) {
            if (value == Long.MIN_VALUE) {
                throw outOfRange(str);
            }
            return -value;
        }
        return value;
    }

    private static PgException outOfRange(String str) {
        return PgException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value \"%s\" is out of range for type %s", str,
                "money");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && TypeErrors.isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipPrefix(String s, int i, String prefix) {
        return s.startsWith(prefix, i) ? i + prefix.length() : i;
    }

    @Override
    public String formatText(Long value, FormatSettings settings) {
        // digits right to left, with the decimal point and a separator every three integer digits
        long v = value;
        StringBuilder digits = new StringBuilder();
        int digitPos = FRACTION_DIGITS;
        boolean negative = v < 0;
        long u = v;
        do {
            if (digitPos == 0) {
                digits.append('.');
            } else if (digitPos < 0 && digitPos % 3 == 0) {
                digits.append(',');
            }
            digits.append((char) ('0' + Math.abs(u % 10)));
            u /= 10;
            digitPos--;
        } while (u != 0 || digitPos >= 0);
        return (negative ? "-$" : "$") + digits.reverse();
    }

    @Override
    public Long decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 8);
        return ByteBuffer.wrap(bytes).getLong();
    }

    @Override
    public byte[] encodeBinary(Long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }
}
