package org.lakepg.wire.types;

import java.math.BigInteger;

/**
 * C library number parsing that a few PostgreSQL input functions rely on without checking
 * errors (xid, cid, xid8): strtoul semantics, including base prefixes and wrap-around.
 */
final class CStrings {

    private static final BigInteger ULONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private CStrings() {
    }

    /**
     * strtoul(text, NULL, base) on a 64-bit platform: leading spaces, a sign, digits as far as
     * they go (nothing parsed = 0), overflow saturates at ULONG_MAX, '-' negates modulo 2^64.
     * base 0 detects 0x (hex) and a leading 0 (octal) as C does.
     */
    static long strtoul(String text, int base) {
        int i = 0;
        int n = text.length();
        while (i < n && TypeErrors.isSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int radix = base;
        if ((base == 0 || base == 16) && i + 1 < n && text.charAt(i) == '0'
                && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X') && i + 2 < n
                && Character.digit(text.charAt(i + 2), 16) >= 0) {
            radix = 16;
            i += 2;
        } else if (base == 0) {
            radix = i < n && text.charAt(i) == '0' ? 8 : 10;
        }
        BigInteger value = BigInteger.ZERO;
        BigInteger bigRadix = BigInteger.valueOf(radix);
        while (i < n) {
            int digit = Character.digit(text.charAt(i), radix);
            if (digit < 0 || text.charAt(i) > 'z') {
                break;
            }
            value = value.multiply(bigRadix).add(BigInteger.valueOf(digit));
            if (value.compareTo(ULONG_MAX) > 0) {
                return -1L; // ERANGE: ULONG_MAX regardless of sign
            }
            i++;
        }
        long result = value.longValue();
        return negative ? -result : result;
    }
}
